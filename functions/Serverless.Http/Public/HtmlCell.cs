namespace Serverless.Http.Public;

/// <summary>One table cell or list entry: text, optionally a link.</summary>
/// <param name="Text">Text shown; encoded when written.</param>
/// <param name="Href">Link target, or null for plain text.</param>
/// <param name="Code">True to show the text in a monospace code element, for hashes and paths.</param>
public sealed record HtmlCell(string Text, string? Href = null, bool Code = false)
{
    public static implicit operator HtmlCell(string text) => new(text);

    /// <summary>Creates a cell from text.</summary>
    public static HtmlCell FromString(string text) => new(text);
}
