using System.Globalization;

namespace Serverless.Shared.Records;

/// <summary>
/// Blob paths of a draw's published files. Everything below <c>private/</c> stays unpublished; the seed of
/// a scheduled draw sits there until the draw reveals it in its record.
/// </summary>
public static class DrawPaths
{
    /// <summary>Formats a schedule slot as a key fragment, for example 20261201T0100Z.</summary>
    public static string SlotKey(DateTimeOffset slot) =>
        slot.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);

    /// <summary>Draw id of a plan and slot; also the instance id of the draw orchestration.</summary>
    public static string DrawId(string planId, DateTimeOffset slot) => $"draw-{planId}-{SlotKey(slot)}";

    /// <summary>Instance id of the commitment orchestration of a plan and slot.</summary>
    public static string CommitmentInstanceId(string planId, DateTimeOffset slot) =>
        $"commit-{planId}-{SlotKey(slot)}";

    public static string Pool(string planId, DateTimeOffset slot, string officeCode) =>
        $"pools/{planId}/{SlotKey(slot)}/{officeCode}.txt";

    /// <summary>The risk-flagged subset of a pool, one credit code per line in canonical order.</summary>
    public static string RiskPool(string planId, DateTimeOffset slot, string officeCode) =>
        $"pools/{planId}/{SlotKey(slot)}/{officeCode}.risk.txt";

    public static string PoolExclusions(string planId, DateTimeOffset slot, string officeCode) =>
        $"pools/{planId}/{SlotKey(slot)}/{officeCode}.exclusions.json";

    public static string Seed(string planId, DateTimeOffset slot) => $"private/seeds/{planId}/{SlotKey(slot)}.txt";

    public static string Roster(string drawId, string officeCode) => $"rosters/{drawId}/{officeCode}.json";

    /// <summary>Roster snapshot of a joint campaign's participating department for one office.</summary>
    public static string DepartmentRoster(string drawId, string departmentCode, string officeCode) =>
        $"rosters/{drawId}/departments/{departmentCode}/{officeCode}.json";

    public static string OfficeRecord(string drawId, string officeCode) => $"records/{drawId}/{officeCode}.json";

    public static string OfficeRecordPrefix(string drawId) => $"records/{drawId}/";

    public static string Summary(string drawId) => $"summaries/{drawId}.json";
}
