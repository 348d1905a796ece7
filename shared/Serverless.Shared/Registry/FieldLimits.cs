namespace Serverless.Shared.Registry;

/// <summary>
/// Maximum lengths of registry text fields in characters. They are limits of this project, chosen to hold
/// the longest real names and addresses with room to spare, far below the 32K characters of a table property.
/// </summary>
internal static class FieldLimits
{
    public const int Name = 200;

    public const int Address = 300;

    public const int OfficerId = 64;

    public const int CertificateNumber = 64;

    /// <summary>Maximum length of an e-mail address under RFC 5321.</summary>
    public const int Email = 254;

    public const int ListCell = 4000;

    public const int MaxHeadcount = 10_000_000;
}
