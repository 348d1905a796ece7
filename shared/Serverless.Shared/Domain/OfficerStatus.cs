namespace Serverless.Shared.Domain;

/// <summary>Status of an officer in the roster. Only active officers are drawn.</summary>
public enum OfficerStatus
{
    Active,
    Suspended,
    Retired,
}
