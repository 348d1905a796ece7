using Serverless.Shared.Draws;

namespace Serverless.Shared.Records;

/// <summary>
/// The eligibility facts a draw used for its teams: the roster in canonical order and each pool
/// employer's previous team. Holds no names or contact data.
/// </summary>
/// <param name="OfficeCode">Drawing office.</param>
/// <param name="Officers">Roster entries ordered by officer id (ordinal).</param>
/// <param name="PreviousTeams">Officer ids of each employer's most recent team, by credit code.</param>
public sealed record RosterSnapshot(
    string OfficeCode,
    IReadOnlyList<RosterEntry> Officers,
    IReadOnlyDictionary<string, IReadOnlyList<string>> PreviousTeams);
