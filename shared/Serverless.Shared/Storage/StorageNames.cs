namespace Serverless.Shared.Storage;

/// <summary>Names of the tables, the blob container and the fixed partition keys.</summary>
public static class StorageNames
{
    /// <summary>Offices, partitioned by <see cref="ProvincePartition"/>, one row per office code.</summary>
    public const string Offices = "offices";

    /// <summary>Officers, partitioned by office code, one row per officer id.</summary>
    public const string Officers = "officers";

    /// <summary>Employers, partitioned by office code, one row per credit code.</summary>
    public const string Employers = "employers";

    /// <summary>Inspection items, all in <see cref="ItemsPartition"/>, one row per item code.</summary>
    public const string Items = "items";

    /// <summary>Draw plans, all in <see cref="PlansPartition"/>, one row per plan id.</summary>
    public const string Plans = "plans";

    /// <summary>Assignments partitioned by officer id, row key <c>{drawId}|{creditCode}</c>.</summary>
    public const string AssignmentsByOfficer = "assignmentsbyofficer";

    /// <summary>Assignments partitioned by credit code, row key <c>{drawId}|{officerId}</c>.</summary>
    public const string AssignmentsByEmployer = "assignmentsbyemployer";

    /// <summary>Latest team of each drawn employer, partitioned by office code, one row per credit code.</summary>
    public const string PreviousTeams = "previousteams";

    /// <summary>Notice outbox, partitioned by draw id, one row per recipient id.</summary>
    public const string Outbox = "outbox";

    /// <summary>Seed commitments, partitioned by plan id, row key the slot as <c>yyyyMMddTHHmmZ</c>.</summary>
    public const string Commitments = "commitments";

    /// <summary>
    /// Calendar years loaded after release, all in <see cref="CalendarYearsPartition"/>, one row per year, row key
    /// the four-digit year.
    /// </summary>
    public const string CalendarYears = "calendaryears";

    /// <summary>
    /// Milestone starts that wait for a calendar year, all in <see cref="PendingStartsPartition"/>, one row per
    /// milestone instance id.
    /// </summary>
    public const string PendingMilestoneStarts = "pendingstarts";

    /// <summary>Blob container of draw records, pool files and seeds.</summary>
    public const string Records = "records";

    /// <summary>Partition key of the offices table: the GB/T 2260 code of Guangdong province.</summary>
    public const string ProvincePartition = "440000";

    /// <summary>Partition key of the items table.</summary>
    public const string ItemsPartition = "items";

    /// <summary>Partition of the items table that keeps every version of every item.</summary>
    public const string ItemVersionsPartition = "itemversions";

    /// <summary>Partition key of the plans table.</summary>
    public const string PlansPartition = "plans";

    /// <summary>Partition key of the calendar years table.</summary>
    public const string CalendarYearsPartition = "years";

    /// <summary>Partition key of the pending milestone starts table.</summary>
    public const string PendingStartsPartition = "pending";

    /// <summary>Every table name, without a prefix.</summary>
    public static IReadOnlyList<string> Tables { get; } =
    [
        Offices,
        Officers,
        Employers,
        Items,
        Plans,
        AssignmentsByOfficer,
        AssignmentsByEmployer,
        PreviousTeams,
        Outbox,
        Commitments,
        CalendarYears,
        PendingMilestoneStarts,
    ];
}
