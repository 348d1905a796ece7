using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Serverless.Functions.Hosting;
using Serverless.Http.Calendar;
using Serverless.Http.Campaigns;
using Serverless.Http.Inspections;
using Serverless.Http.Milestones;
using Serverless.Http.Public;
using Serverless.Http.Registry;
using Serverless.Shared.Notifications;
using Serverless.Shared.Storage;
using Serverless.Workflows;
using Serverless.Workflows.Milestones;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

// Registries and records share the task hub's storage account unless InspectionStorage names another one.
var storage = StorageConnection.Create(builder.Configuration);
var smtp = (builder.Configuration.GetSection(SmtpOptions.SectionName).Get<SmtpOptions>() ?? new SmtpOptions()).WithDefaultSender();
var emlFolder = builder.Configuration["Notices:EmlFolder"] ?? Path.Combine(Path.GetTempPath(), "inspection-notices");

builder.Services
    .AddInspectionStorage(storage)
    .AddInspectionNotices(smtp, emlFolder)
    .AddInspectionWorkflows();
builder.Services.AddCampaignHandlers().AddClientPrincipalCallers();
builder.Services.AddPublicPages();
// Behind the Functions host every request comes from the host's address, so clients are keyed by X-Forwarded-For.
builder.Services.AddRegistryManagement(behindForwardingProxy: true);
builder.Services.AddInspectionResultHandlers();
builder.Services.AddMilestones().AddMilestoneHttp();
builder.Services.AddCalendarHandlers();

builder.Build().Run();
