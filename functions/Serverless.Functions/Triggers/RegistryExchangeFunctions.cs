using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Serverless.Http.Registry;

namespace Serverless.Functions.Triggers;

/// <summary>HTTP triggers of data exchange with other departments; the shared handlers write the response.</summary>
public sealed class RegistryExchangeFunctions(ExchangeHandlers exchange)
{
    /// <summary><c>GET /api/exchange/draws/{drawId}?format=csv|json</c>.</summary>
    [Function("ExportDrawResults")]
    public async Task<IActionResult> ExportDrawResultsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "exchange/draws/{drawId}")] HttpRequest request,
        string drawId)
    {
        ArgumentNullException.ThrowIfNull(request);
        await exchange.ExportDrawResultsAsync(request.HttpContext, drawId);
        return new EmptyResult();
    }

    /// <summary><c>GET /api/exchange/inspections?format=csv|json</c>.</summary>
    [Function("ExportInspectionResults")]
    public async Task<IActionResult> ExportInspectionResultsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "exchange/inspections")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await exchange.ExportInspectionResultsAsync(request.HttpContext);
        return new EmptyResult();
    }

    /// <summary><c>GET /api/exchange/dishonest?format=csv|json</c>.</summary>
    [Function("ExportDishonest")]
    public async Task<IActionResult> ExportDishonestAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "exchange/dishonest")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await exchange.ExportDishonestAsync(request.HttpContext);
        return new EmptyResult();
    }

    /// <summary><c>POST /api/exchange/dishonest</c> with a CSV or XLSX body.</summary>
    [Function("ImportDishonest")]
    public async Task<IActionResult> ImportDishonestAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "exchange/dishonest")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        await exchange.ImportDishonestAsync(request.HttpContext);
        return new EmptyResult();
    }
}
