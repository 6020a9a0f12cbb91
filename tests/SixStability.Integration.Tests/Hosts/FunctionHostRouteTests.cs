using SixStability.Functions.Http;

namespace SixStability.Integration.Tests.Hosts;

/// <summary>
/// Every HTTP route the built Function app declares passes the Functions host's rules, so a route the
/// host would refuse (and answer 404 for in Azure) fails here. Parity with DevHost: HostParityTests.
/// </summary>
public sealed class FunctionHostRouteTests
{
    [Fact]
    public void Every_route_in_the_generated_functions_metadata_loads_on_the_Functions_host()
    {
        string metadata = Path.Combine(Path.GetDirectoryName(typeof(HttpFunctions).Assembly.Location)!, "functions.metadata");
        IReadOnlyList<DeclaredRoute> routes = FunctionHostRoutes.FromMetadata(metadata);

        IReadOnlyList<string> problems = FunctionHostRoutes.Violations(routes);

        routes.Should().NotBeEmpty("the Worker SDK lists the app's HTTP triggers in functions.metadata");
        problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("admin/coord")]
    [InlineData("Admin/x")]
    [InlineData("administration")]
    [InlineData("runtime/webhooks")]
    [InlineData("RUNTIME")]
    public void A_route_starting_with_a_reserved_prefix_is_refused(string route)
    {
        IReadOnlyList<string> problems = FunctionHostRoutes.Violations([new DeclaredRoute("Page", ["get"], route)]);

        problems.Should().ContainSingle().Which.Should().Contain("reserves");
    }

    [Fact]
    public void A_function_without_a_route_is_checked_under_its_name_as_the_host_does()
    {
        IReadOnlyList<string> problems = FunctionHostRoutes.Violations([new DeclaredRoute("AdminPage", ["get"], null)]);

        problems.Should().ContainSingle().Which.Should().Contain("'AdminPage'");
    }

    [Theory]
    [InlineData("coord")]
    [InlineData("api/cycles/{cycleId}/units/{unitId}/obligations/{task}")]
    [InlineData("api/files/{*path}")]
    [InlineData("api/items/{id:int}")]
    [InlineData("u")]
    public void Well_formed_routes_pass(string route)
    {
        FunctionHostRoutes.Violations([new DeclaredRoute("F", ["get"], route)]).Should().BeEmpty();
    }

    [Theory]
    [InlineData("/api/cycles", "start with '/'")]
    [InlineData("api/cycles/", "end with '/'")]
    [InlineData("api//cycles", "empty segment")]
    [InlineData("api/cycles/{cycleId", "unbalanced braces")]
    [InlineData("api/cycles/cycleId}", "unbalanced braces")]
    [InlineData("api/cycles/{{cycleId}}", "unbalanced braces")]
    [InlineData("api/cycles/{cycle-id}", "not a valid parameter name")]
    [InlineData("api/cycles/{1st}", "not a valid parameter name")]
    [InlineData("api/cycles/{id}/{id}", "not a valid route template")]
    public void Malformed_templates_are_refused(string route, string expected)
    {
        IReadOnlyList<string> problems = FunctionHostRoutes.Violations([new DeclaredRoute("F", ["get"], route)]);

        problems.Should().Contain(p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Two_functions_on_the_same_route_and_method_conflict_whatever_the_case()
    {
        IReadOnlyList<string> problems = FunctionHostRoutes.Violations(
        [
            new DeclaredRoute("GetPlan", ["get"], "api/plans/{planId}"),
            new DeclaredRoute("PutPlan", ["put"], "api/plans/{planId}"),
            new DeclaredRoute("ReadPlan", ["GET", "head"], "API/Plans/{planId}"),
        ]);

        problems.Should().ContainSingle().Which.Should().Contain("ReadPlan").And.Contain("GetPlan");
    }

    [Fact]
    public void A_trigger_without_methods_takes_every_method_and_so_conflicts_with_any_other_on_its_route()
    {
        IReadOnlyList<string> problems = FunctionHostRoutes.Violations(
        [
            new DeclaredRoute("Any", [], "api/x"),
            new DeclaredRoute("Post", ["post"], "api/x"),
        ]);

        problems.Should().Contain(p => p.Contains("conflicts", StringComparison.Ordinal)).And.Contain(p => p.Contains("no HTTP methods", StringComparison.Ordinal));
    }
}
