using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Access;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Cycles;

/// <summary>Each cycle runs the orchestration version it started with, and says which.</summary>
public sealed class OrchestrationVersionTests
{
    [Fact]
    public async Task A_new_cycle_starts_with_the_current_version_and_its_record_and_view_say_so()
    {
        await using CycleHost host = await CycleHost.StartAsync();
        CycleInput input = CycleHost.Demo("2021Q1", secondsPerDay: 0.5);

        await host.StartAsync(input);
        await host.WaitCompletedAsync(input.CycleId);

        (await host.Services.GetRequiredService<ICycleStore>().GetAsync(input.CycleId, CancellationToken.None))!.OrchestrationVersion.Should().Be(CycleOrchestratorVersions.Current);
        CycleView view = (await host.Services.GetRequiredService<CycleProgressQuery>().RunAsync(input.CycleId, host.Cycles, UnitScope.All, CancellationToken.None)).Value!;
        view.OrchestrationVersion.Should().Be("2");
        (await host.Services.GetRequiredService<CycleProgressQuery>().ListAsync(CancellationToken.None)).Single().OrchestrationVersion.Should().Be("2");
    }

    [Fact]
    public async Task A_cycle_started_without_a_version_runs_version_1_to_its_close_and_shows_version_1()
    {
        await using CycleHost host = await CycleHost.StartAsync();
        CycleInput input = CycleHost.Demo("2021Q2", secondsPerDay: 0.5);

        // As the release before versions started every cycle.
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(CycleOrchestrator), input, new StartOrchestrationOptions(input.CycleId));
        OrchestrationMetadata done = await host.WaitCompletedAsync(input.CycleId);

        done.ReadOutputAs<CycleResult>()!.Status.Should().Be("closed");
        (await host.Services.GetRequiredService<ICycleStore>().GetAsync(input.CycleId, CancellationToken.None))!.OrchestrationVersion.Should().BeNull("version 1 has no step that records it");
        (await host.Services.GetRequiredService<CycleProgressQuery>().RunAsync(input.CycleId, host.Cycles, UnitScope.All, CancellationToken.None)).Value!.OrchestrationVersion.Should().Be("1");
    }

    [Fact]
    public async Task A_cycle_of_a_version_this_build_does_not_know_fails_with_a_message_that_says_so()
    {
        await using CycleHost host = await CycleHost.StartAsync();
        CycleInput input = CycleHost.Demo("2021Q3", secondsPerDay: 0.5);

        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(CycleOrchestrator), input, new StartOrchestrationOptions(input.CycleId) { Version = "9" });
        OrchestrationMetadata done = await host.WaitCompletedAsync(input.CycleId);

        done.RuntimeStatus.Should().Be(OrchestrationRuntimeStatus.Failed);
        done.FailureDetails!.ErrorMessage.Should().Contain("不支持编排版本“9”");
        (await host.Services.GetRequiredService<ICycleStore>().GetAsync(input.CycleId, CancellationToken.None)).Should().BeNull("it took no step");
    }

    [Fact]
    public void The_Function_hosts_default_version_is_the_version_the_code_starts_cycles_with()
    {
        // The Functions host rejects work newer than its defaultVersion (CurrentOrOlder): both must move together.
        using JsonDocument host = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(typeof(SixStability.Functions.Http.HttpFunctions).Assembly.Location)!, "host.json")));
        JsonElement durable = host.RootElement.GetProperty("extensions").GetProperty("durableTask");

        durable.GetProperty("defaultVersion").GetString().Should().Be(CycleOrchestratorVersions.Current);
        durable.GetProperty("versionMatchStrategy").GetString().Should().Be("CurrentOrOlder");
        durable.GetProperty("versionFailureStrategy").GetString().Should().Be("Reject");
        durable.GetProperty("storeInputsInOrchestrationHistory").GetBoolean().Should().BeTrue();
        DurableTaskCycleClient.StartOptions("c").Version!.Value.Version.Should().Be(CycleOrchestratorVersions.Current);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData("", 1)]
    [InlineData("1", 1)]
    [InlineData("2", 2)]
    public void Version_numbers_treat_no_version_as_version_1(string? version, int number) =>
        CycleOrchestratorVersions.Number(version).Should().Be(number);
}
