namespace Serverless.Shared.Domain;

/// <summary>Administrative tier of a human resources and social security office.</summary>
public enum OfficeTier
{
    Province,
    City,
    County,
}
