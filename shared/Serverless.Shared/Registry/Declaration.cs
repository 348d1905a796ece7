using Serverless.Shared.Domain;

namespace Serverless.Shared.Registry;

/// <summary>A stored self-declaration and the county office's decision on it.</summary>
/// <param name="Employer">The employer as declared, with source <see cref="EmployerSource.SelfDeclaration"/>.</param>
/// <param name="Status">State of the declaration.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="DecidedBy">Principal id of the officer who confirmed or rejected it, or null while pending.</param>
/// <param name="DecidedAt">When it was confirmed or rejected, or null while pending.</param>
/// <param name="Reason">Reason of a rejection or a confirmation, or null.</param>
public sealed record Declaration(
    Employer Employer,
    DeclarationStatus Status,
    DateTimeOffset SubmittedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Reason);
