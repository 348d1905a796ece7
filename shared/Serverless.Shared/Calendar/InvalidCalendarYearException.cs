using Serverless.Shared.Domain;

namespace Serverless.Shared.Calendar;

/// <summary>A calendar year file with one or more errors; nothing of it was stored.</summary>
public sealed class InvalidCalendarYearException : Exception
{
    public InvalidCalendarYearException(IReadOnlyList<ValidationException> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public InvalidCalendarYearException()
        : this([new ValidationException("calendar", null, "is invalid")])
    {
    }

    public InvalidCalendarYearException(string message)
        : this([new ValidationException("calendar", null, message)])
    {
    }

    public InvalidCalendarYearException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new ValidationException("calendar", null, message)];
    }

    /// <summary>Every error found, each naming the field, the value and the reason.</summary>
    public IReadOnlyList<ValidationException> Errors { get; }

    private static string Describe(IReadOnlyList<ValidationException> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("An invalid calendar year has at least one error.", nameof(errors));
        }

        return errors.Count == 1
            ? $"The calendar year is invalid: {errors[0].Message}"
            : $"The calendar year has {errors.Count} errors. The first: {errors[0].Message}";
    }
}
