namespace Serverless.Shared.Campaigns;

/// <summary>Departments of joint campaigns, each with its roster.</summary>
public interface IDepartmentStore
{
    /// <summary>Stores a department and replaces its whole roster; nothing is written when a value is invalid.</summary>
    Task UpsertAsync(Department department, CancellationToken cancellationToken = default);

    /// <summary>Reads a department with its roster, or returns null when none has that code.</summary>
    Task<Department?> GetAsync(string code, CancellationToken cancellationToken = default);
}
