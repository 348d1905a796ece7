using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Serverless.Shared.Domain;
using Serverless.Shared.Registry;

namespace Serverless.Http.Registry;

/// <summary>
/// Handlers of online self-declarations: anonymous, rate-limited submission, and listing, confirmation and
/// rejection by the county office the employer declared for.
/// </summary>
public sealed class DeclarationHandlers
{
    /// <summary>Largest accepted declaration body in bytes.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    private readonly RegistryAccess access;
    private readonly DeclarationService declarations;
    private readonly DeclarationRateLimiter limiter;

    /// <summary>Creates the handlers.</summary>
    public DeclarationHandlers(RegistryAccess access, DeclarationService declarations, DeclarationRateLimiter limiter)
    {
        ArgumentNullException.ThrowIfNull(access);
        ArgumentNullException.ThrowIfNull(declarations);
        ArgumentNullException.ThrowIfNull(limiter);
        this.access = access;
        this.declarations = declarations;
        this.limiter = limiter;
    }

    /// <summary>
    /// <c>POST /api/declarations</c>: open to employers without an account. Validates the JSON body and stores it
    /// as pending. Returns 202, 400 for an invalid field, 409 for an employer of another office and 429 when the
    /// client sent too many.
    /// </summary>
    public async Task SubmitAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!limiter.TryAcquire(context))
        {
            context.Response.Headers.RetryAfter =
                ((int)Math.Ceiling(limiter.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await RegistryProblems.WriteAsync(
                context, 429, "Too many declarations",
                $"This client sent too many declarations; retry after {limiter.RetryAfter.TotalSeconds:0} seconds.")
                .ConfigureAwait(false);
            return;
        }

        try
        {
            var form = await ReadFormAsync(context).ConfigureAwait(false);
            var declaration = await declarations.SubmitAsync(form, context.RequestAborted).ConfigureAwait(false);
            await Results.Json(
                    DeclarationView.Of(declaration), RegistryHttpJson.Default.DeclarationView, statusCode: 202)
                .ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (ValidationException invalid)
        {
            await RegistryProblems.InvalidAsync(context, invalid).ConfigureAwait(false);
        }
        catch (DeclarationConflictException conflict)
        {
            await RegistryProblems.WriteAsync(context, 409, "Declaration conflicts", conflict.Message).ConfigureAwait(false);
        }
    }

    /// <summary><c>GET /api/declarations?office=CODE&amp;status=Pending</c>: an office's declarations.</summary>
    public async Task ListAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = await access.ResolveAsync(context).ConfigureAwait(false);
        var office = context.Request.Query["office"].ToString() is { Length: > 0 } given ? given : caller?.OfficeCode;
        if (caller is null || !await access.AllowsAsync(context, caller, office!).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            var statusText = context.Request.Query["status"].ToString();
            var status = statusText.Length == 0 ? DeclarationStatus.Pending
                : Enum.TryParse<DeclarationStatus>(statusText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                    ? parsed
                    : throw new ValidationException("status", statusText, "is not Pending, Confirmed or Rejected");
            var list = await declarations.ListAsync(office!, status, context.RequestAborted).ConfigureAwait(false);
            await Results.Json(list.Select(DeclarationView.Of).ToList(), RegistryHttpJson.Default.ListDeclarationView)
                .ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (ValidationException invalid)
        {
            await RegistryProblems.InvalidAsync(context, invalid).ConfigureAwait(false);
        }
    }

    /// <summary><c>POST /api/declarations/{office}/{creditCode}/confirm</c>: by the declared county office only.</summary>
    public Task ConfirmAsync(
        HttpContext context, string office, string creditCode, DurableTaskClient? milestones = null) =>
        DecideAsync(context, office, creditCode, async (caller, _) =>
        {
            var confirmed = await declarations.ConfirmAsync(office, creditCode, caller, context.RequestAborted)
                .ConfigureAwait(false);
            await RegistryMilestoneSignal.RaiseAsync(context, milestones, office).ConfigureAwait(false);
            return confirmed;
        });

    /// <summary>
    /// <c>POST /api/declarations/{office}/{creditCode}/reject</c> with a JSON body <c>{"reason": "..."}</c>.
    /// </summary>
    public Task RejectAsync(HttpContext context, string office, string creditCode) =>
        DecideAsync(context, office, creditCode, async (caller, body) =>
            await declarations.RejectAsync(office, creditCode, caller, body?.Reason ?? "", context.RequestAborted)
                .ConfigureAwait(false));

    private async Task DecideAsync(
        HttpContext context, string office, string creditCode, Func<string, DecisionBody?, Task<Declaration>> decide)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = await access.ResolveAsync(context).ConfigureAwait(false);
        if (caller is null)
        {
            return;
        }

        // Only the county office itself decides. Its city and the province may list declarations but not decide them.
        if (caller.OfficeCode != office)
        {
            await RegistryProblems.WriteAsync(
                context, 403, "Forbidden", $"Only office {office} confirms or rejects its declarations.")
                .ConfigureAwait(false);
            return;
        }

        try
        {
            var bytes = await RequestBody.ReadCappedAsync(context, MaxBodyBytes).ConfigureAwait(false);
            var body = bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, RegistryHttpJson.Default.DecisionBody);
            var declaration = await decide(caller.PrincipalId, body).ConfigureAwait(false);
            await Results.Json(DeclarationView.Of(declaration), RegistryHttpJson.Default.DeclarationView)
                .ExecuteAsync(context).ConfigureAwait(false);
        }
        catch (JsonException malformed)
        {
            await RegistryProblems.InvalidAsync(context, Malformed(malformed)).ConfigureAwait(false);
        }
        catch (ValidationException invalid)
        {
            await RegistryProblems.InvalidAsync(context, invalid).ConfigureAwait(false);
        }
        catch (DeclarationConflictException conflict)
        {
            await RegistryProblems.WriteAsync(context, 409, "Declaration already decided", conflict.Message)
                .ConfigureAwait(false);
        }
        catch (RegistryConflictException conflict)
        {
            await RegistryProblems.ConflictAsync(context, conflict).ConfigureAwait(false);
        }
    }

    private static async Task<DeclarationForm> ReadFormAsync(HttpContext context)
    {
        var bytes = await RequestBody.ReadCappedAsync(context, MaxBodyBytes).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(bytes, RegistryHttpJson.Default.DeclarationForm)
                ?? throw new ValidationException("body", "null", "is not a declaration object");
        }
        catch (JsonException malformed)
        {
            throw Malformed(malformed);
        }
    }

    /// <summary>
    /// Turns a JSON error into a validation error on the property it failed at, or on the body when it failed
    /// outside any property.
    /// </summary>
    private static ValidationException Malformed(JsonException malformed)
    {
        var field = malformed.Path is null or "$" ? "body" : malformed.Path.TrimStart('$', '.');
        return new ValidationException(field, null, "is not valid JSON here or has the wrong JSON type");
    }
}
