using Microsoft.AspNetCore.Hosting.Server;
using SixStability.DevHost.Azurite;
using SixStability.DevHost.Durable;
using SixStability.DevHost.Hosting.SignIn;
using SixStability.Infrastructure;
using SixStability.Infrastructure.Configuration;
using SixStability.Infrastructure.Notifications.Robots;

namespace SixStability.DevHost.Hosting;

/// <summary>The DevHost web app: the Function app's routes and services on ASP.NET Core, over Azurite.</summary>
internal static class DevHostApp
{
    /// <param name="configureServices">Replaces services after the product's own (benchmarks count mail instead of writing it).</param>
    public static WebApplication Build(string[] args, IDictionary<string, string?>? overrides = null, Action<IServiceCollection>? configureServices = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Mail goes to the repo's .devdata/mail/ unless configured otherwise (Mail:Provider, Mail:SinkPath).
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mail:SinkPath"] = Path.Combine(RepositoryRoot.Find() ?? Environment.CurrentDirectory, ".devdata", "mail"),
        });
        builder.Configuration.AddEnvironmentVariables();
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        // Not in appsettings.json: other hosts in the same folder (tests) would inherit the port.
        if (string.IsNullOrEmpty(builder.Configuration["Urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://localhost:7071");
        }

        // Before anything serves: unresolved Key Vault references, missing keys, or the published
        // development keys on an address others can reach (README, Configuration).
        StartupChecks.ThrowIfInvalid(builder.Configuration, StartupHost.DevHost(builder.Configuration));

        builder.Services.AddSixStability(builder.Configuration);

        // People sign in on DevHost's own page (loopback only); scripts use the admin key.
        builder.Services.Configure<AccessOptions>(o => o.SignIn = SignInFlow.Local);
        builder.Services.AddSingleton<DevSessions>();
        builder.Services.AddSingleton<AzuriteHostedService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AzuriteHostedService>());

        // After Azurite: hosted services start in order.
        builder.Services.AddSingleton<EmbeddedDurableEngine>();
        builder.Services.AddSingleton<ICycleClient>(sp => sp.GetRequiredService<EmbeddedDurableEngine>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EmbeddedDurableEngine>());
        builder.Services.AddSingleton<IOrchestrationHistory>(sp => sp.GetRequiredService<EmbeddedDurableEngine>());
        builder.Services.AddHostedService<HistoryPurgeService>();
        builder.Services.AddProblemDetails();

        // Robots whose Channels:*:Host is "devhost" post to this DevHost's own robot sink (/dev/robots, shown at /dev/mail).
        builder.Services.AddSingleton<RobotSink.Received>();
        builder.Services.AddOptions<ChannelOptions>().PostConfigure<IServer>(RobotSink.PointAtThisHost);
        // Without Links:BaseUrl the units' links point where this DevHost listens (Urls=http://127.0.0.1:7171 too).
        if (string.IsNullOrEmpty(builder.Configuration["Links:BaseUrl"]))
        {
            builder.Services.AddOptions<SixStability.Infrastructure.Links.LinkOptions>().PostConfigure<IServer>((links, server) =>
                links.BaseUrl = ServerAddress.Self(server) is { } self ? new Uri(self + "/") : links.BaseUrl);
        }

        configureServices?.Invoke(builder.Services);

        WebApplication app = builder.Build();

        // Every answer, including what no route of the table answers (404s, the /admin redirect, the
        // mail sink's refusals): the same headers ApiResult writes (Workflow/Http/SecurityHeaders).
        app.Use((context, next) =>
        {
            SecurityHeaders.Apply(context.Response);
            return next(context);
        });
        app.UseExceptionHandler(errors => errors.Run(context =>
            ApiResult.Problem(StatusCodes.Status500InternalServerError, "服务器内部错误", "处理请求时出错，请稍后重试或联系管理员。").ExecuteAsync(context)));
        app.MapSixStabilityApi();
        app.MapMailSink();
        app.MapRobotSink();
        return app;
    }
}
