namespace Serverless.Shared.Registry;

/// <summary>A change to an officer or employer lost a concurrent write and was not applied.</summary>
public sealed class RegistryConflictException : Exception
{
    /// <summary>Creates the exception for <paramref name="conflict"/>.</summary>
    public RegistryConflictException(RegistryConflict conflict)
        : base(Describe(conflict))
    {
        Conflict = conflict;
    }

    /// <summary>The row and field of the conflict.</summary>
    public RegistryConflict Conflict { get; }

    private static string Describe(RegistryConflict conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        var row = $"{conflict.Kind} row {conflict.OfficeCode}/{conflict.Key}";
        return $"The change to {row} was not applied: {conflict.Reason}. Read the row again and repeat the change.";
    }
}
