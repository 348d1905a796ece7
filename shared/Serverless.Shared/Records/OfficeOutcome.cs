namespace Serverless.Shared.Records;

/// <summary>How one office's part of a draw ended.</summary>
public enum OfficeOutcome
{
    /// <summary>Targets and teams drawn, record written.</summary>
    Drawn,

    /// <summary>The pool was empty, so nothing was drawn.</summary>
    EmptyPool,

    /// <summary>Rejected before anything was written, for example a target without enough eligible officers.</summary>
    Rejected,
}
