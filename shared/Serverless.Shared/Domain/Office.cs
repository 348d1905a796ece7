namespace Serverless.Shared.Domain;

/// <summary>
/// A labour-security inspection office, identified by the GB/T 2260 code of its division.
/// </summary>
/// <param name="Code">Six-digit GB/T 2260 division code, for example 440300 for Shenzhen.</param>
/// <param name="Name">Division name in Chinese.</param>
/// <param name="Tier">Administrative tier.</param>
/// <param name="ParentCode">Code of the office above, or null for the province.</param>
/// <param name="Email">Contact address for notices to the office.</param>
/// <param name="Inspects">
/// True when the office draws and inspects employers itself: every county office, and the two
/// prefecture-level cities without a county tier (Dongguan 441900, Zhongshan 442000).
/// </param>
public sealed record Office(string Code, string Name, OfficeTier Tier, string? ParentCode, string Email, bool Inspects);
