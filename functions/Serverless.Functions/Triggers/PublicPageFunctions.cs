using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Serverless.Http.Public;

namespace Serverless.Functions.Triggers;

/// <summary>
/// The public disclosure pages below <c>/api/public</c>: anonymous GETs that call the shared handlers, which
/// write HTML or, with <c>format=json</c>, JSON.
/// </summary>
public static class PublicPageFunctions
{
    [Function("PublicItems")]
    public static async Task<IActionResult> ItemsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "public/items")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await PublicHandlers.ItemsAsync(request.HttpContext);
        return new EmptyResult();
    }

    [Function("PublicDraws")]
    public static async Task<IActionResult> DrawsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "public/draws")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await PublicHandlers.DrawsAsync(request.HttpContext);
        return new EmptyResult();
    }

    [Function("PublicDraw")]
    public static async Task<IActionResult> DrawAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "public/draws/{drawId}")] HttpRequest request,
        string drawId)
    {
        ArgumentNullException.ThrowIfNull(request);
        await PublicHandlers.DrawAsync(request.HttpContext, drawId);
        return new EmptyResult();
    }

    [Function("PublicOfficeDraw")]
    public static async Task<IActionResult> OfficeDrawAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "public/draws/{drawId}/{office}")] HttpRequest request,
        string drawId,
        string office)
    {
        ArgumentNullException.ThrowIfNull(request);
        await PublicHandlers.OfficeDrawAsync(request.HttpContext, drawId, office);
        return new EmptyResult();
    }

    [Function("PublicCommitments")]
    public static async Task<IActionResult> CommitmentsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "public/commitments")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await PublicHandlers.CommitmentsAsync(request.HttpContext);
        return new EmptyResult();
    }

    [Function("PublicVerify")]
    public static async Task<IActionResult> VerifyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "public/verify/{drawId}")] HttpRequest request,
        string drawId)
    {
        ArgumentNullException.ThrowIfNull(request);
        await PublicHandlers.VerifyAsync(request.HttpContext, drawId);
        return new EmptyResult();
    }

    [Function("PublicChain")]
    public static async Task<IActionResult> ChainAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "public/chain/{office}")] HttpRequest request,
        string office)
    {
        ArgumentNullException.ThrowIfNull(request);
        await PublicHandlers.ChainAsync(request.HttpContext, office);
        return new EmptyResult();
    }

    [Function("PublicFile")]
    public static async Task<IActionResult> FileAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "public/files/{*path}")] HttpRequest request,
        string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        await PublicHandlers.FileAsync(request.HttpContext, path);
        return new EmptyResult();
    }
}
