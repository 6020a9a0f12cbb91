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
    private static readonly string[] Expected = [.. Routes.All.Select(r => $"{r.Name} {r.Method} {r.Template}").Order(StringComparer.Ordinal)];

    [Fact]
    public void Function_app_triggers_are_exactly_the_route_table_with_its_names_all_anonymous_to_the_Functions_host()
    {
        string[] functions = [.. typeof(HttpFunctions).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => (Method: m, Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().SingleOrDefault()))
            .Where(f => f.Trigger is not null)
            .SelectMany(f => f.Trigger!.Methods!.Select(method => (Name: f.Method.GetCustomAttribute<FunctionAttribute>()!.Name, Line: $"{f.Method.GetCustomAttribute<FunctionAttribute>()!.Name} {method.ToUpperInvariant()} {f.Trigger.Route}", f.Trigger.AuthLevel)))
            // People reach these routes with a sign-in, not a Functions key: the app checks each route's roles
            // itself (RouteInvoker → AccessGuard), the same way DevHost does. A function-level trigger would
            // refuse every signed-in person before the app could check their role.
            .Where(f => f.AuthLevel == AuthorizationLevel.Anonymous)
            .Select(f => f.Line)
            .Order(StringComparer.Ordinal)];

        functions.Should().Equal(Expected, "every route has one trigger, and the app (not the Functions host's keys) decides who may call it");
    }

    [Fact]
    public void Every_Function_app_trigger_binds_exactly_the_values_of_its_route_template()
    {
        foreach (MethodInfo method in typeof(HttpFunctions).Assembly.GetTypes().SelectMany(t => t.GetMethods()))
        {
            if (method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).OfType<HttpTriggerAttribute>().SingleOrDefault() is null)
            {
                continue;
            }

            ApiRoute route = Routes.Named(method.GetCustomAttribute<FunctionAttribute>()!.Name);
            method.GetParameters().Where(p => p.ParameterType == typeof(string)).Select(p => p.Name).Should().Equal(route.Parameters, route.Name);
        }
    }

    [Fact]
    public async Task DevHost_serves_exactly_the_route_table()
    {
        await using DevHostServer server = await DevHostServer.StartAsync();

        string[] routes = [.. server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/dev/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true }) // DevHost-only: /admin → /coord, the local sign-in
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m =>
                $"{e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName} {m} {e.RoutePattern.RawText!.TrimStart('/')}"))
            .Order(StringComparer.Ordinal)];

        routes.Should().Equal(Expected);
    }

    [Fact]
    public void Function_app_registers_the_orchestrator_and_every_activity_DevHost_runs()
    {
        string[] durable = typeof(HttpFunctions).Assembly.GetTypes()
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
        string metadata = Path.Combine(Path.GetDirectoryName(typeof(HttpFunctions).Assembly.Location)!, "functions.metadata");
        File.Exists(metadata).Should().BeTrue("the Worker SDK writes functions.metadata next to the Function app's assembly");

        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(metadata));
        string[] routes = doc.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray().Select(b => (Name: f.GetProperty("name").GetString(), Binding: b)))
            .Where(f => f.Binding.GetProperty("type").GetString() == "httpTrigger")
            .SelectMany(f => f.Binding.GetProperty("methods").EnumerateArray().Select(m => $"{f.Name} {m.GetString()!.ToUpperInvariant()} {f.Binding.GetProperty("route").GetString()}"))
            .Order(StringComparer.Ordinal)
            .ToArray();

        routes.Should().Equal(Expected);
    }
}
