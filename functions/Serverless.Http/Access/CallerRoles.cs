namespace Serverless.Http.Access;

/// <summary>Roles a caller can hold within its office.</summary>
public static class CallerRoles
{
    /// <summary>Runs campaigns, approves recusals and manages the office's registries.</summary>
    public const string Manager = "manager";

    /// <summary>Enters registry data and inspection results.</summary>
    public const string Clerk = "clerk";
}
