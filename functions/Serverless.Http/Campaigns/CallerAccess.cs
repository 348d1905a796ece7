using Microsoft.AspNetCore.Http;
using Serverless.Http.Access;
using Serverless.Shared.Domain;
using Serverless.Shared.Storage;

namespace Serverless.Http.Campaigns;

/// <summary>Checks that a manager's office is the same as or above every office a request touches.</summary>
public sealed class CallerAccess(ICallerResolver callers, IRegistryStore registry)
{
    /// <summary>Returns the caller, or writes 401 and returns null.</summary>
    public async Task<Caller?> ResolveAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = await callers.ResolveAsync(context.Request, context.RequestAborted);
        if (caller is null)
        {
            await HttpProblems.UnauthorizedAsync(context);
        }

        return caller;
    }

    /// <summary>
    /// Returns true when the caller is a manager whose office is the same as or above every office. Otherwise it
    /// writes 400 naming the first unknown office, or 403 naming the first office out of reach, and returns false.
    /// </summary>
    public async Task<bool> AllowsAsync(HttpContext context, Caller caller, IReadOnlyList<string> officeCodes)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(officeCodes);
        if (caller.Role != CallerRoles.Manager)
        {
            await HttpProblems.WriteAsync(
                context, 403, "Forbidden", $"Role '{caller.Role}' cannot do this; a {CallerRoles.Manager} of the office can.");
            return false;
        }

        var tree = new OfficeTree(await registry.ListOfficesAsync(context.RequestAborted));
        for (var i = 0; i < officeCodes.Count; i++)
        {
            if (tree.Find(officeCodes[i]) is null)
            {
                await HttpProblems.InvalidAsync(
                    context, new ValidationException($"scope[{i}]", officeCodes[i], "is not a known office code"));
                return false;
            }
        }

        var outside = officeCodes.FirstOrDefault(code => !tree.IsSameOrBelow(code, caller.OfficeCode));
        if (outside is not null)
        {
            await HttpProblems.WriteAsync(
                context, 403, "Forbidden", $"Office {caller.OfficeCode} is not the same as or above office {outside}.");
            return false;
        }

        return true;
    }
}
