using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Serverless.Shared.Notifications;
using Serverless.Shared.Storage;
using Serverless.Workflows;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// Registries and records share the task hub's storage account unless InspectionStorage names another one.
var connection = builder.Configuration["InspectionStorage"] ?? builder.Configuration["AzureWebJobsStorage"]
    ?? throw new InvalidOperationException("Set the app setting AzureWebJobsStorage (or InspectionStorage) to a storage connection string.");
var smtp = (builder.Configuration.GetSection(SmtpOptions.SectionName).Get<SmtpOptions>() ?? new SmtpOptions()).WithDefaultSender();
var emlFolder = builder.Configuration["Notices:EmlFolder"] ?? Path.Combine(Path.GetTempPath(), "inspection-notices");

builder.Services
    .AddInspectionStorage(new StorageContext(connection))
    .AddInspectionNotices(smtp, emlFolder)
    .AddInspectionWorkflows();

builder.Build().Run();
