namespace Serverless.Shared.Registry;

/// <summary>State of an employer's online self-declaration (单位网上自助申报).</summary>
public enum DeclarationStatus
{
    /// <summary>Submitted and waiting for the county office; never in a draw pool.</summary>
    Pending,

    /// <summary>Confirmed by the county office and written to the employer registry.</summary>
    Confirmed,

    /// <summary>Rejected by the county office, with a reason.</summary>
    Rejected,
}
