using System.Globalization;

namespace Serverless.Shared.Milestones;

/// <summary>Blob paths of milestone sets and filings.</summary>
public static class MilestonePaths
{
    /// <summary>Folder of every version of a set.</summary>
    public static string SetFolder(string setId) => $"milestones/sets/{setId}/";

    /// <summary>One version of a set; the zero-padded version keeps ordinal order equal to version order.</summary>
    public static string Set(string setId, int version) =>
        $"{SetFolder(setId)}{version.ToString("D6", CultureInfo.InvariantCulture)}.json";

    /// <summary>
    /// Returns the filing key of a milestone: its id, or <c>{milestoneId}-{subjectId}</c> for a milestone that is
    /// followed once per subject, for example per inspection result.
    /// </summary>
    public static string FilingKey(string milestoneId, string? subjectId) =>
        subjectId is null ? milestoneId : $"{milestoneId}-{subjectId}";

    /// <summary>Folder of the uploaded documents of one office and filing key.</summary>
    public static string FilingDocuments(string officeCode, string milestoneId) =>
        $"filings/{officeCode}/{milestoneId}/documents/";

    /// <summary>The acknowledgement of one filing, written once by the office above.</summary>
    public static string FilingAcknowledgement(string officeCode, string milestoneId) =>
        $"filings/{officeCode}/{milestoneId}/acknowledgement.json";
}
