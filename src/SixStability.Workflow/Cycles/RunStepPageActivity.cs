using Microsoft.DurableTask;
using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Core.Notifications;
using SixStability.Core.Units;
using SixStability.Workflow.Notifications;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Cycles;

/// <summary>
/// One step for one page of units: reads what they still owe now and tells each unit once
/// (opening notice, reminder, or its own escalation, recording the level on the obligation).
/// Returns the page's counts. Safe to retry: the outbox skips mail already sent.
/// </summary>
public sealed class RunStepPageActivity(CycleContextLoader loader, IObligationStore obligations, Notifier notifier, ILinkSigner links, BusinessCalendar china)
    : TaskActivity<StepPageInput, CycleCounts>
{
    public override async Task<CycleCounts> RunAsync(TaskActivityContext context, StepPageInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CycleContext cycle = await loader.LoadAsync(input.CycleId, CancellationToken.None).ConfigureAwait(false);
        if (cycle.Record.Status != CycleStatus.Open || input.Page >= cycle.Record.Pages.Count)
        {
            return CycleCounts.Zero;
        }

        CycleTick tick = input.Tick;
        List<Obligation> page = await obligations.ListAllAsync(input.CycleId, cycle.Record.Pages[input.Page], CancellationToken.None).ConfigureAwait(false);

        IReadOnlyList<(string UnitId, IReadOnlyList<Obligation> Owed)> told = StepDecisions.UnitsToTell(tick, page);
        if (told.Count == 0)
        {
            return CycleCounts.Of(page);
        }

        DateTimeOffset expires = cycle.LinkExpiry(china, page.Select(o => o.Due).Distinct());
        DateOnly today = DateOnly.FromDateTime(tick.Scheduled.DateTime);
        MailBatch batch = tick.Kind switch
        {
            StepKind.Open => Notices.Opening(cycle.Facts, tick.StepId, told.Select(t => (cycle.Unit(t.UnitId), (IReadOnlyList<OwedTask>)Owed(cycle, t.Owed, today), links.UnitLink(t.UnitId, input.CycleId, expires)))),
            StepKind.Reminder => Notices.Reminder(cycle.Facts, tick.StepId, told.Select(t => (cycle.Unit(t.UnitId), (IReadOnlyList<OwedTask>)Owed(cycle, t.Owed, today), links.UnitLink(t.UnitId, input.CycleId, expires)))),
            StepKind.Escalation => await EscalateAsync(cycle, tick, told, expires).ConfigureAwait(false),
            _ => throw new InvalidOperationException($"A page step cannot be {tick.Kind}."),
        };
        await notifier.SendAsync(batch, CancellationToken.None).ConfigureAwait(false);

        // Counted after the step: escalation has just raised levels on this page.
        return CycleCounts.Of(await obligations.ListAllAsync(input.CycleId, cycle.Record.Pages[input.Page], CancellationToken.None).ConfigureAwait(false));
    }

    private static List<OwedTask> Owed(CycleContext cycle, IReadOnlyList<Obligation> owed, DateOnly today) =>
        owed.Select(o => new OwedTask(o.TaskNumber, cycle.Task(o.TaskNumber).Title, o.Due, StepDecisions.WorkingDaysLeft(today, o.Due, cycle.Calendar))).ToList();

    private async Task<MailBatch> EscalateAsync(CycleContext cycle, CycleTick tick, IReadOnlyList<(string UnitId, IReadOnlyList<Obligation> Owed)> late, DateTimeOffset expires)
    {
        int level = tick.Level ?? 1;
        int days = StepDecisions.WorkingDaysLate(tick, cycle.Calendar);
        var readers = new List<EscalationReader>();
        foreach ((string unitId, IReadOnlyList<Obligation> owed) in late)
        {
            foreach (Obligation o in owed.Where(o => o.EscalationLevel < level))
            {
                await obligations.ChangeAsync(o.CycleId, o.UnitId, o.TaskNumber, x => x.Escalate(level), new HistoryEntry(tick.At, "system", $"escalation{level}", $"逾期{days}个工作日，第{level}级（{EscalationColours.Name(level)}）督办"), CancellationToken.None).ConfigureAwait(false);
            }

            Unit unit = cycle.Unit(unitId);
            readers.Add(new EscalationReader(unitId, unit.Name, new Contact(unit.Name, unit.Email), LateItems(cycle, owed, days), unitId, links.UnitLink(unitId, cycle.Record.CycleId, expires)));
        }

        return Notices.Escalation(cycle.Facts, tick.StepId, level, readers);
    }

    internal static IReadOnlyList<LateItem> LateItems(CycleContext cycle, IEnumerable<Obligation> owed, int days) =>
        owed.Select(o => new LateItem(cycle.Unit(o.UnitId).Name, o.TaskNumber, cycle.Task(o.TaskNumber).Title, days)).ToList();
}

public sealed record StepPageInput(string CycleId, CycleTick Tick, int Page);

public sealed record StepInput(string CycleId, CycleTick Tick);
