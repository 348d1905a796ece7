namespace Serverless.Shared.Registry;

/// <summary>What an inspection of a drawn employer found.</summary>
public enum InspectionOutcome
{
    /// <summary>No violation found.</summary>
    Compliant,

    /// <summary>Violations found and ordered corrected.</summary>
    RectificationOrdered,

    /// <summary>Violations found and a case opened.</summary>
    CaseOpened,

    /// <summary>The employer could not be found at its registered address.</summary>
    NotFound,
}
