using SixStability.Workflow.Cycles;
using Xunit.Abstractions;

namespace SixStability.Integration.Tests.Cycles.Replay;

/// <summary>
/// A release never breaks a running cycle: every recorded history (v1 = the release before versions,
/// v2 = this one) replays against today's <see cref="CycleOrchestrator"/> decision for decision, and
/// the usual careless edits of an orchestrator are caught by the same replay.
/// </summary>
public sealed class ReplayTests(ITestOutputHelper output)
{
    public static TheoryData<string> Fixtures => [.. RecordedHistory.All()];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Todays_orchestrator_replays_every_recorded_history_decision_for_decision(string fixture)
    {
        RecordedHistory history = RecordedHistory.Load(fixture);

        IReadOnlyList<string> problems = HistoryReplayer.Replay(history, () => new CycleOrchestrator());

        problems.Should().BeEmpty($"{fixture} ({history.Scenario}, recorded from {history.RecordedFrom}, version '{history.Version}') must replay on today's code");
    }

    [Fact]
    public void Fixtures_cover_every_supported_version_with_commands_cancel_late_and_demo_cycles()
    {
        string[] fixtures = [.. RecordedHistory.All()];

        foreach (string version in CycleOrchestratorVersions.Supported)
        {
            fixtures.Where(f => f.StartsWith($"v{version}/", StringComparison.Ordinal)).Select(f => Path.GetFileNameWithoutExtension(f))
                .Should().BeEquivalentTo(["calendar-commands", "calendar-cancel", "default-late", "demo"], $"version {version} needs its recorded histories (README: recording a fixture)");
        }

        fixtures.Select(RecordedHistory.Load).Where(h => h.File.StartsWith("v1/", StringComparison.Ordinal)).Should().OnlyContain(h => h.Version == string.Empty, "the release before versions started cycles without one");
        fixtures.Select(RecordedHistory.Load).Where(h => h.File.StartsWith("v2/", StringComparison.Ordinal)).Should().OnlyContain(h => h.Version == CycleOrchestratorVersions.V2);
    }

    [Fact]
    public void A_step_added_without_a_version_branch_fails_the_replay_of_every_version_1_cycle()
    {
        string[] v1 = [.. RecordedHistory.All().Where(f => f.StartsWith("v1/", StringComparison.Ordinal))];

        var failures = v1.ToDictionary(f => f, f => HistoryReplayer.Replay(RecordedHistory.Load(f), () => new EditedCycleOrchestrator(OrchestratorEdit.StepAddedWithoutVersion)));

        foreach ((string fixture, IReadOnlyList<string> problems) in failures)
        {
            output.WriteLine($"{fixture}: {string.Join(" | ", problems)}");
        }

        failures.Should().OnlyContain(f => f.Value.Count > 0);
        failures.Values.Should().OnlyContain(p => p[0].Contains("NonDeterministic", StringComparison.Ordinal) || p[0].Contains(nameof(RecordOrchestrationVersionActivity), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("v1/demo.json")]
    [InlineData("v1/default-late.json")]
    [InlineData("v2/demo.json")]
    public void A_moved_timer_fails_the_replay_though_the_engine_itself_would_not_notice(string fixture)
    {
        IReadOnlyList<string> problems = HistoryReplayer.Replay(RecordedHistory.Load(fixture), () => new EditedCycleOrchestrator(OrchestratorEdit.TimerMoved));
        output.WriteLine(string.Join(" | ", problems));

        problems.Should().ContainSingle().Which.Should().Contain("timer").And.Contain("fires at");
    }

    [Theory]
    [InlineData("v2/demo.json")]
    [InlineData("v2/calendar-commands.json")]
    public void A_changed_activity_input_fails_the_replay_of_a_history_that_kept_its_inputs(string fixture)
    {
        IReadOnlyList<string> problems = HistoryReplayer.Replay(RecordedHistory.Load(fixture), () => new EditedCycleOrchestrator(OrchestratorEdit.InputChanged));
        output.WriteLine(string.Join(" | ", problems));

        problems.Should().ContainSingle().Which.Should().Contain(nameof(RunStepForUnitsActivity)).And.Contain("\"Range\":1");
    }

    [Fact]
    public void The_edited_copy_replays_when_it_makes_no_edit_that_matters_to_the_history()
    {
        // Its edits are the only difference: the version-2 step is in v2's histories already.
        HistoryReplayer.Replay(RecordedHistory.Load("v2/calendar-cancel.json"), () => new EditedCycleOrchestrator(OrchestratorEdit.StepAddedWithoutVersion)).Should().BeEmpty();
    }
}
