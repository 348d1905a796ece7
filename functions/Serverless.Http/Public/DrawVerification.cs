using Serverless.Workflows.Draws;

namespace Serverless.Http.Public;

/// <summary>Outcome of recomputing a whole draw on the server from its published inputs.</summary>
/// <param name="DrawId">Draw id.</param>
/// <param name="Matches">True when every office record was reproduced exactly.</param>
/// <param name="Offices">One result per office record.</param>
public sealed record DrawVerification(string DrawId, bool Matches, IReadOnlyList<VerificationResult> Offices);
