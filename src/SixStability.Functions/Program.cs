using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using SixStability.Functions.Http;
using SixStability.Infrastructure;
using SixStability.Infrastructure.Configuration;
using SixStability.Infrastructure.Telemetry;
using SixStability.Workflow.Access;

FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder(args);

// Before serving: a secret still an unresolved Key Vault reference, a missing or published key (README, Deploy).
// The message goes to stderr, which the Functions host logs; the worker exits and no function runs.
try
{
    StartupChecks.ThrowIfInvalid(builder.Configuration, StartupHost.Functions);
}
catch (StartupConfigurationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

builder.ConfigureFunctionsWebApplication();

IOpenTelemetryBuilder telemetry = builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
if (!string.IsNullOrEmpty(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
{
    // Application Insights has local (key) auth off; the exporter does not read the authentication string itself.
    // (A malformed string was refused above.)
    _ = AppInsightsAuthentication.TryParse(builder.Configuration[AppInsightsAuthentication.Setting], out AppInsightsAuthentication? identity);
    telemetry.UseAzureMonitorExporter(o => o.Credential = identity?.ToCredential());
}

builder.Services.AddSixStability(builder.Configuration);

// People sign in with App Service Authentication (Microsoft Entra ID, infra/app/function.bicep); scripts use the admin key.
builder.Services.Configure<AccessOptions>(o => o.SignIn = SignInFlow.AppService);
builder.Services.AddSingleton<AppServiceCaller>();
builder.Services.AddSingleton<FunctionRoutes>();

await builder.Build().RunAsync();
return 0;
