namespace Serverless.Workflows;

/// <summary>
/// Names of the orchestrators and activities. Both hosts register the tasks under these names, so an
/// instance started by one host can be run by the other.
/// </summary>
public static class TaskNames
{
    public const string DrawOrchestrator = nameof(DrawOrchestrator);

    public const string CommitmentOrchestrator = nameof(CommitmentOrchestrator);

    public const string PrepareDraw = nameof(PrepareDraw);

    public const string CommitSeed = nameof(CommitSeed);

    public const string DrawOffice = nameof(DrawOffice);

    public const string SendDrawNotice = nameof(SendDrawNotice);

    public const string CompleteDraw = nameof(CompleteDraw);

    public const string AppendChain = nameof(AppendChain);
}
