using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using SixStability.Functions.Http;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Http;

namespace SixStability.Integration.Tests.Hosts;

/// <summary>Both hosts expose the same routes, and the Function app's build lists every function.</summary>
public sealed class HostParityTests
{
    // host.json's routePrefix is empty: API routes carry "api/", pages sit at the root (/u).
    private static readonly string[] Expected = ApiRoutes.All.Select(r => $"{r.Method} {ApiRoutes.Prefix}{r.Route}")
        .Concat(PageRoutes.All.Select(r => $"{r.Method} {r.Route}"))
        .Order(StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void Function_app_triggers_cover_exactly_the_api_routes()
    {
        string[] routes = typeof(PlanFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .SelectMany(m => m.GetParameters())
            .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>())
            .OfType<HttpTriggerAttribute>()
            .SelectMany(a => a.Methods!.Select(method => $"{method.ToUpperInvariant()} {a.Route}"))
            .Order(StringComparer.Ordinal)
            .ToArray();

        routes.Should().Equal(Expected);
    }

    [Fact]
    public async Task DevHost_serves_exactly_the_api_routes()
    {
        await using DevHostServer server = await DevHostServer.StartAsync();

        string[] routes = server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/dev/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true }) // DevHost-only redirects (/admin → /coord)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText!.TrimStart('/')}"))
            .Order(StringComparer.Ordinal)
            .ToArray();

        routes.Should().Equal(Expected);
    }

    [Fact]
    public void Function_app_registers_the_orchestrator_and_every_activity_DevHost_runs()
    {
        string[] durable = typeof(PlanFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetParameters().Any(p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null || p.GetCustomAttribute<ActivityTriggerAttribute>() is not null))
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()!.Name)
            .Order(StringComparer.Ordinal)
            .ToArray();

        durable.Should().Equal(CycleTasks.Activities.Select(t => t.Name).Append(nameof(CycleOrchestrator)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Function_host_serves_pages_at_the_root_and_the_api_under_api()
    {
        using JsonDocument host = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "host.json")));
        host.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString().Should().BeEmpty();
    }

    private static string RepositoryRoot()
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "host.json")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("host.json not found above the test folder.");
    }

    [Fact]
    public void The_generated_functions_metadata_lists_every_function()
    {
        string metadata = Path.Combine(Path.GetDirectoryName(typeof(PlanFunctions).Assembly.Location)!, "functions.metadata");
        File.Exists(metadata).Should().BeTrue("the Worker SDK writes functions.metadata next to the Function app's assembly");

        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(metadata));
        string[] routes = doc.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(b => b.GetProperty("methods").EnumerateArray().Select(m => $"{m.GetString()!.ToUpperInvariant()} {b.GetProperty("route").GetString()}"))
            .Order(StringComparer.Ordinal)
            .ToArray();

        routes.Should().Equal(Expected);
    }
}
