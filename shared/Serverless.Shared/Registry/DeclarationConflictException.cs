namespace Serverless.Shared.Registry;

/// <summary>A declaration cannot take the requested step in its current state, for example a second decision.</summary>
public sealed class DeclarationConflictException : Exception
{
    /// <summary>Creates the exception for the declaration of <paramref name="creditCode"/>.</summary>
    public DeclarationConflictException(string creditCode, string message)
        : base(message)
    {
        CreditCode = creditCode;
    }

    /// <summary>Credit code of the declaring employer.</summary>
    public string CreditCode { get; }
}
