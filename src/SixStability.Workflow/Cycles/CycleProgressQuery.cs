using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Core.Rules;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Cycles;

/// <summary>A cycle as the coordinator watches it: schedule, counts, each unit's progress, pending 延期申请, mail and group-robot messages that failed.</summary>
public sealed class CycleProgressQuery(ICycleStore cycles, IObligationStore obligations, IDirectoryStore directory, IMailOutbox outbox, BusinessCalendar china)
{
    public async Task<Outcome<CycleView>> RunAsync(string cycleId, ICycleClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        CycleRecord? record = await cycles.GetAsync(cycleId, cancellationToken).ConfigureAwait(false);
        CycleInstance? instance = await engine.GetAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            // Started, not opened yet: the orchestration exists, its first activity has not written the record.
            return instance is null
                ? Outcome.NotFound<CycleView>(CycleMessages.NoCycle(cycleId))
                : new CycleView(cycleId, "opening", instance.RuntimeStatus) { Failure = instance.Failure };
        }

        var lookup = (await directory.GetAsync(record.Versions?.Directory, cancellationToken).ConfigureAwait(false))?.Value is { } units ? new Core.Units.UnitResolver(units) : null;
        List<Obligation> all = await obligations.ListAllAsync(cycleId, null, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<OutboxEntry> problems = await outbox.ProblemsAsync(cycleId, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<CycleTick> timeline = CycleTimeline.Build(record.Frame, record.Policy, china, all.Select(o => o.Due).Distinct());
        return new CycleView(cycleId, StatusName(record.Status), instance?.RuntimeStatus)
        {
            PlanId = record.Frame.PlanId,
            Quarter = record.Frame.Quarter,
            Mode = record.Frame.Mode,
            Versions = record.Versions,
            Step = instance?.Progress?.Step,
            NextAt = instance?.Progress?.NextAt,
            Schedule = [.. timeline.Select(t => new ScheduleStepView(t.Kind, t.Level, t.At, t.Due, t.StepId))],
            Counts = CycleCounts.Of(all),
            Units = [.. all.GroupBy(o => o.UnitId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => UnitProgressView.Of(g.Key, lookup?.FindUnit(g.Key)?.Name ?? g.Key, [.. g]))],
            ExtensionRequests = [.. (await obligations.ListExtensionRequestsAsync(cycleId, cancellationToken).ConfigureAwait(false)).Select(r => new ExtensionRequestView(r.UnitId, r.Due, r.Reason, r.RequestedAt, r.State, r.Note))],
            MailProblems = [.. problems.Where(p => p.Channel is null).Select(p => new MailProblemView(p.Step, p.RecipientKey, p.To, p.Status, p.Error))],
            RobotProblems = [.. problems.Where(p => p.Channel is not null).Select(p => new RobotProblemView(p.Step, p.Reader ?? p.RecipientKey, p.Channel!.Value, p.Robot ?? string.Empty, p.Status, p.Attempts, p.Error, p.NotBefore))],
            Problems = await cycles.ProblemsAsync(cycleId, cancellationToken).ConfigureAwait(false),
            Failure = instance?.Failure,
            CanResume = ResumeCycleUseCase.CanResume(record, instance),
        };
    }

    /// <summary>Every cycle, newest quarter first: the coordinator's starting point.</summary>
    public async Task<IReadOnlyList<CycleSummaryView>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await cycles.ListAsync(cancellationToken).ConfigureAwait(false))
            .OrderByDescending(r => r.Frame.Quarter)
            .ThenBy(r => r.CycleId, StringComparer.Ordinal)
            .Select(r => new CycleSummaryView(r.CycleId, r.Frame.PlanId, r.Frame.Quarter, r.Frame.Quarter.ChineseName, StatusName(r.Status), r.Frame.Mode, r.CreatedAt, r.ClosedAt))];

    private static string StatusName(CycleStatus status) => status switch
    {
        CycleStatus.Open => "open",
        CycleStatus.Closed => "closed",
        _ => "cancelled",
    };
}
