namespace Serverless.Shared.Domain;

/// <summary>Registry status of an employer. Deregistered employers never enter a pool.</summary>
public enum EmployerStatus
{
    Active,
    Deregistered,
}
