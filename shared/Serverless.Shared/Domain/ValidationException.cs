namespace Serverless.Shared.Domain;

/// <summary>
/// Input rejected before anything is written. Carries the field, the rejected value and the reason.
/// </summary>
public sealed class ValidationException : Exception
{
    public ValidationException(string field, string? value, string reason)
        : base($"{field} '{value}' {reason}.")
    {
        Field = field;
        Value = value;
        Reason = reason;
    }

    public ValidationException()
        : this("input", null, "is invalid")
    {
    }

    public ValidationException(string message)
        : this("input", null, message)
    {
    }

    public ValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "input";
        Reason = message;
    }

    /// <summary>Name of the rejected field, for example <c>creditCode</c> or <c>targets.ratio</c>.</summary>
    public string Field { get; }

    /// <summary>The rejected value as text, or null when it was missing.</summary>
    public string? Value { get; }

    /// <summary>Why the value was rejected.</summary>
    public string Reason { get; }
}
