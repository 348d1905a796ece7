using Microsoft.AspNetCore.Http;
using Serverless.Http.Access;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;

namespace Serverless.Http.Registry;

/// <summary>
/// Who may see and change which rows: a county office its own, a city office its counties' too, and the
/// province every office's (<see cref="OfficeTree.IsSameOrBelow"/>).
/// </summary>
public sealed class RegistryAccess
{
    private readonly ICallerResolver resolver;
    private readonly IRegistryStore registry;

    /// <summary>Creates the access checks on a caller resolver and the office registry.</summary>
    public RegistryAccess(ICallerResolver resolver, IRegistryStore registry)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(registry);
        this.resolver = resolver;
        this.registry = registry;
    }

    /// <summary>Returns the caller, or writes 401 and returns null when the request has no valid credential.</summary>
    public async Task<Caller?> ResolveAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = await resolver.ResolveAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        if (caller is null)
        {
            await RegistryProblems.WriteAsync(
                context, 401, "Unauthorized", "Send a valid credential: an API key, or sign in through App Service.")
                .ConfigureAwait(false);
        }

        return caller;
    }

    /// <summary>
    /// Returns true when the caller's office is <paramref name="officeCode"/> or above it; otherwise writes 403
    /// (or 400 for an unknown office) and returns false.
    /// </summary>
    public async Task<bool> AllowsAsync(HttpContext context, Caller caller, string officeCode)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(caller);
        var offices = new OfficeTree(await registry.ListOfficesAsync(context.RequestAborted).ConfigureAwait(false));
        if (offices.Find(officeCode) is null)
        {
            await RegistryProblems.InvalidAsync(
                context, new ValidationException("office", officeCode, "is not a known office code")).ConfigureAwait(false);
            return false;
        }

        if (offices.IsSameOrBelow(officeCode, caller.OfficeCode))
        {
            return true;
        }

        await RegistryProblems.WriteAsync(
            context, 403, "Forbidden",
            $"Office {caller.OfficeCode} cannot see or change rows of office {officeCode}, which is outside its jurisdiction.")
            .ConfigureAwait(false);
        return false;
    }
}
