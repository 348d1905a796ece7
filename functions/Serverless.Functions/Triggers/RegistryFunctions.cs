using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Serverless.Http.Registry;

namespace Serverless.Functions.Triggers;

/// <summary>
/// HTTP triggers of registry import, history and self-declarations. The shared handlers write the whole
/// response, so each trigger returns an empty result.
/// </summary>
public sealed class RegistryFunctions(RegistryHandlers registry, DeclarationHandlers declarations)
{
    /// <summary><c>POST /api/registry/{kind}/import?office=CODE</c>.</summary>
    [Function("ImportRegistry")]
    public async Task<IActionResult> ImportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "registry/{kind}/import")] HttpRequest request,
        string kind,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        await registry.ImportAsync(request.HttpContext, kind, client);
        return new EmptyResult();
    }

    /// <summary><c>GET /api/registry/{kind}?office=CODE</c>.</summary>
    [Function("ListRegistry")]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "registry/{kind}")] HttpRequest request, string kind)
    {
        ArgumentNullException.ThrowIfNull(request);
        await registry.ListAsync(request.HttpContext, kind);
        return new EmptyResult();
    }

    /// <summary><c>POST /api/registry/{kind}/{office}/{key}/status</c>.</summary>
    [Function("SetRegistryStatus")]
    public async Task<IActionResult> SetStatusAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "registry/{kind}/{office}/{key}/status")]
        HttpRequest request,
        string kind,
        string office,
        string key,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        await registry.SetStatusAsync(request.HttpContext, kind, office, key, client);
        return new EmptyResult();
    }

    /// <summary><c>GET /api/registry/{kind}/{office}/{key}/history</c>.</summary>
    [Function("GetRegistryHistory")]
    public async Task<IActionResult> HistoryAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "registry/{kind}/{office}/{key}/history")]
        HttpRequest request,
        string kind,
        string office,
        string key)
    {
        ArgumentNullException.ThrowIfNull(request);
        await registry.HistoryAsync(request.HttpContext, kind, office, key);
        return new EmptyResult();
    }

    /// <summary><c>POST /api/declarations</c>, open to employers without an account and rate limited.</summary>
    [Function("SubmitDeclaration")]
    public async Task<IActionResult> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "declarations")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await declarations.SubmitAsync(request.HttpContext);
        return new EmptyResult();
    }

    /// <summary><c>GET /api/declarations?office=CODE&amp;status=Pending</c>.</summary>
    [Function("ListDeclarations")]
    public async Task<IActionResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "declarations")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await declarations.ListAsync(request.HttpContext);
        return new EmptyResult();
    }

    /// <summary><c>POST /api/declarations/{office}/{creditCode}/confirm</c>.</summary>
    [Function("ConfirmDeclaration")]
    public async Task<IActionResult> ConfirmAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "declarations/{office}/{creditCode}/confirm")]
        HttpRequest request,
        string office,
        string creditCode,
        [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(request);
        await declarations.ConfirmAsync(request.HttpContext, office, creditCode, client);
        return new EmptyResult();
    }

    /// <summary><c>POST /api/declarations/{office}/{creditCode}/reject</c>.</summary>
    [Function("RejectDeclaration")]
    public async Task<IActionResult> RejectAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "declarations/{office}/{creditCode}/reject")]
        HttpRequest request,
        string office,
        string creditCode)
    {
        ArgumentNullException.ThrowIfNull(request);
        await declarations.RejectAsync(request.HttpContext, office, creditCode);
        return new EmptyResult();
    }
}
