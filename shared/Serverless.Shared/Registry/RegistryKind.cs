namespace Serverless.Shared.Registry;

/// <summary>Registry that an import, a history entry or an export is about.</summary>
public enum RegistryKind
{
    /// <summary>The employer registry (用人单位信息库), keyed by credit code.</summary>
    Employers,

    /// <summary>The officer roster (执法人员名录库), keyed by officer id.</summary>
    Officers,
}
