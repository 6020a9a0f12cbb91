using System.Globalization;
using SixStability.Integration.Tests.Security.Fuzz;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Http;

namespace SixStability.Integration.Tests.Security;

/// <summary>
/// The fuzz harness on every route of the route table, a few hundred cases per CI run (the bench runs
/// ten thousand: <c>dotnet run -c Release --project bench/SixStability.Bench -- fuzz 10000</c>).
/// <c>FUZZ_SEED</c> and <c>FUZZ_CASES</c> replay or widen a run.
/// </summary>
public sealed class RouteFuzzTests : IAsyncLifetime
{
    private FuzzTarget? target;

    public async Task InitializeAsync() => target = await FuzzTarget.StartAsync(await SharedAzurite.ConnectionStringAsync());

    public async Task DisposeAsync()
    {
        if (target is not null)
        {
            await target.DisposeAsync();
        }
    }

    [Fact]
    public async Task Hostile_requests_to_every_route_never_get_a_5xx_and_a_refused_one_writes_nothing()
    {
        int seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), CultureInfo.InvariantCulture, out int s) ? s : 20201014;
        int cases = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_CASES"), CultureInfo.InvariantCulture, out int n) ? n : 300;

        FuzzReport report = await new RouteFuzzer(target!, seed).RunAsync(cases);

        report.Clean.Should().BeTrue(report.ToString());
        report.ByRoute.Keys.Should().BeEquivalentTo(Routes.All.Select(r => r.Name), "every route of the table is fuzzed");
        report.Accepted.Should().BeGreaterThan(cases / 20, "enough requests get through to reach the use cases and stores");
        report.ByStatus.Keys.Should().Contain([400, 401, 404], report.ToString());
    }
}
