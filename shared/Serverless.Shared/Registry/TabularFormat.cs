namespace Serverless.Shared.Registry;

/// <summary>File format of an import or an export.</summary>
public enum TabularFormat
{
    /// <summary>Comma-separated values with a header row, in UTF-8 or GB18030.</summary>
    Csv,

    /// <summary>Office Open XML workbook; the first sheet is read, its first row is the header.</summary>
    Xlsx,
}
