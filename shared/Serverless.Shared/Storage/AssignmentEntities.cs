using Azure.Data.Tables;

namespace Serverless.Shared.Storage;

/// <summary>Maps assignments and previous teams to table entities and back.</summary>
internal static class AssignmentEntities
{
    /// <summary>Row of the by-officer table: partition officer id, row key <c>{drawId}|{creditCode}</c>.</summary>
    public static TableEntity ByOfficer(string field, Assignment assignment) =>
        WithProperties(
            field,
            new TableEntity(assignment.OfficerId, TableKeys.Join(assignment.DrawId, assignment.CreditCode)),
            assignment);

    /// <summary>Row of the by-employer table: partition credit code, row key <c>{drawId}|{officerId}</c>.</summary>
    public static TableEntity ByEmployer(string field, Assignment assignment) =>
        WithProperties(
            field,
            new TableEntity(assignment.CreditCode, TableKeys.Join(assignment.DrawId, assignment.OfficerId)),
            assignment);

    public static Assignment ToAssignment(TableEntity entity) => new(
        StoredValues.RequireString(entity, nameof(Assignment.DrawId)),
        StoredValues.RequireString(entity, nameof(Assignment.OfficeCode)),
        StoredValues.RequireString(entity, nameof(Assignment.OfficerId)),
        StoredValues.RequireString(entity, nameof(Assignment.CreditCode)),
        StoredValues.RequireString(entity, nameof(Assignment.EmployerName)),
        StoredValues.RequireBoolean(entity, nameof(Assignment.IsLeader)),
        StoredValues.ToList(entity, nameof(Assignment.TeamOfficerIds)),
        StoredValues.ToList(entity, nameof(Assignment.ItemCodes)),
        StoredValues.RequireDate(entity, nameof(Assignment.DrawnOn)),
        StoredValues.RequireDate(entity, nameof(Assignment.Deadline)));

    /// <summary>Row of the previous-teams table: partition office code, row key credit code.</summary>
    public static TableEntity PreviousTeam(PreviousTeam team) => new(team.OfficeCode, team.CreditCode)
    {
        [nameof(Assignment.DrawId)] = team.DrawId,
        [nameof(Assignment.DrawnOn)] = TableLimits.ToStoredDate("drawnOn", team.DrawnOn),
        [nameof(Assignment.TeamOfficerIds)] = StoredValues.FromList(team.TeamOfficerIds),
    };

    public static PreviousTeam ToPreviousTeam(TableEntity entity) => new(
        entity.PartitionKey,
        entity.RowKey,
        StoredValues.RequireString(entity, nameof(Assignment.DrawId)),
        StoredValues.RequireDate(entity, nameof(Assignment.DrawnOn)),
        StoredValues.ToList(entity, nameof(Assignment.TeamOfficerIds)));

    private static TableEntity WithProperties(string field, TableEntity entity, Assignment assignment)
    {
        entity[nameof(Assignment.DrawId)] = assignment.DrawId;
        entity[nameof(Assignment.OfficeCode)] = assignment.OfficeCode;
        entity[nameof(Assignment.OfficerId)] = assignment.OfficerId;
        entity[nameof(Assignment.CreditCode)] = assignment.CreditCode;
        entity[nameof(Assignment.EmployerName)] = assignment.EmployerName;
        entity[nameof(Assignment.IsLeader)] = assignment.IsLeader;
        entity[nameof(Assignment.TeamOfficerIds)] = StoredValues.FromList(assignment.TeamOfficerIds);
        entity[nameof(Assignment.ItemCodes)] = StoredValues.FromList(assignment.ItemCodes);
        entity[nameof(Assignment.DrawnOn)] = TableLimits.ToStoredDate($"{field}.drawnOn", assignment.DrawnOn);
        entity[nameof(Assignment.Deadline)] = TableLimits.ToStoredDate($"{field}.deadline", assignment.Deadline);
        return entity;
    }
}
