using Serverless.Shared.Registry;

namespace Serverless.Http.Registry;

/// <summary>A declaration as the HTTP API returns it.</summary>
/// <param name="CreditCode">Credit code of the employer.</param>
/// <param name="Name">Declared name.</param>
/// <param name="OfficeCode">County office the employer declared for.</param>
/// <param name="Status">State of the declaration.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="DecidedAt">When it was decided, or null.</param>
/// <param name="Reason">Reason of a rejection, or null.</param>
public sealed record DeclarationView(
    string CreditCode,
    string Name,
    string OfficeCode,
    DeclarationStatus Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? DecidedAt,
    string? Reason)
{
    /// <summary>Returns the view of a declaration, without the principal who decided it.</summary>
    public static DeclarationView Of(Declaration declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        return new(
            declaration.Employer.CreditCode, declaration.Employer.Name, declaration.Employer.OfficeCode,
            declaration.Status, declaration.SubmittedAt, declaration.DecidedAt, declaration.Reason);
    }
}
