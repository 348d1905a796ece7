namespace Serverless.Shared.Milestones;

/// <summary>How the completion of a milestone is read from the data; it is never ticked by hand.</summary>
public enum CompletionMeasure
{
    /// <summary>
    /// The office has its required number of active officers whose certificates are valid on the due date.
    /// </summary>
    Roster,

    /// <summary>The employer registry of the office (and of the offices below it) reaches the office's target.</summary>
    Registry,

    /// <summary>A document is uploaded under the office's filing folder and the office above acknowledged it.</summary>
    Filing,

    /// <summary>The office has at least one recorded draw, so random inspection runs there.</summary>
    Draws,

    /// <summary>A publication document is uploaded under the office's filing folder; no acknowledgement is needed.</summary>
    Publication,
}
