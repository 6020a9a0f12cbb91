using Microsoft.DurableTask;

namespace SixStability.Workflow.Cycles;

/// <summary>
/// One step for one range of units: reads what they still owe now and tells each unit once
/// (opening notice, reminder, or its own escalation, recording the level on the obligations in one
/// write per unit). Returns the range's counts. Safe to retry: the outbox skips mail already sent,
/// and an obligation already at the step's level is not raised again.
/// </summary>
public sealed class RunStepForUnitsActivity(CycleContextLoader loader, IObligationStore obligations, ICycleTallies tallies, MailComposer mail, Notifier notifier, ILinkSigner links)
    : TaskActivity<StepUnitsInput, CycleCounts>
{
    public override async Task<CycleCounts> RunAsync(TaskActivityContext context, StepUnitsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CycleContext cycle = await loader.LoadAsync(input.CycleId, CancellationToken.None).ConfigureAwait(false);
        if (!cycle.IsOpen || input.Range >= cycle.Record.UnitRanges.Count)
        {
            return CycleCounts.Zero;
        }

        CycleTick tick = input.Tick;
        UnitRange range = cycle.Record.UnitRanges[input.Range];
        IReadOnlyList<Obligation> owed;
        if (tick.Kind == StepKind.Escalation)
        {
            // The levels are recorded before anyone is told, and read back with the rest of the range: one read, one write per unit.
            int level = tick.Level ?? 1;
            int days = StepDecisions.WorkingDaysLate(tick, cycle.Calendar);
            var entry = new HistoryEntry(tick.At, "system", $"escalation{level}", $"逾期{days}个工作日，第{level}级（{EscalationColours.Name(level)}）督办");
            owed = await obligations.EscalateAsync(input.CycleId, range, o => StepDecisions.Tells(tick, o) && cycle.Lookup.FindUnit(o.UnitId) is not null, level, entry, CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            owed = await obligations.ListAllAsync(input.CycleId, range, CancellationToken.None).ConfigureAwait(false);
        }

        // The step read its range anyway: whatever a lost write left stale in the board's tallies is mended here.
        await tallies.MendAsync(input.CycleId, owed, CancellationToken.None).ConfigureAwait(false);

        // A unit no longer in the directory has no mailbox: it stays owed and counted, but nobody is mailed.
        var told = StepDecisions.UnitsToTell(tick, owed).Where(t => cycle.Lookup.FindUnit(t.UnitId) is not null).ToList();
        if (told.Count == 0)
        {
            return CycleCounts.Of(owed);
        }

        DateTimeOffset expires = cycle.LinkExpiry(owed.Select(o => o.Due).Distinct());
        DateOnly today = DateOnly.FromDateTime(tick.Scheduled.DateTime);
        IEnumerable<UnitNotice> Notices() => told.Select(t => new UnitNotice(cycle.Lookup.FindUnit(t.UnitId)!, t.Owed.Select(o => cycle.Owed(o, today)).ToList(), links.UnitLink(t.UnitId, input.CycleId, expires)));
        MailBatch batch = tick.Kind switch
        {
            StepKind.Open => await mail.OpeningAsync(cycle.Facts, tick.StepId, Notices()).ConfigureAwait(false),
            StepKind.Reminder => await mail.ReminderAsync(cycle.Facts, tick.StepId, Notices()).ConfigureAwait(false),
            StepKind.Escalation => await EscalationMailAsync(cycle, tick, told, expires).ConfigureAwait(false),
            _ => throw new InvalidOperationException($"A unit step cannot be {tick.Kind}."),
        };
        await notifier.SendAsync(batch, CancellationToken.None).ConfigureAwait(false);
        return CycleCounts.Of(owed);
    }

    private async Task<MailBatch> EscalationMailAsync(CycleContext cycle, CycleTick tick, IReadOnlyList<(string UnitId, IReadOnlyList<Obligation> Owed)> late, DateTimeOffset expires)
    {
        int level = tick.Level ?? 1;
        int days = StepDecisions.WorkingDaysLate(tick, cycle.Calendar);
        var readers = new List<EscalationReader>();
        foreach ((string unitId, IReadOnlyList<Obligation> owed) in late)
        {
            Unit unit = cycle.Lookup.FindUnit(unitId)!;
            readers.Add(new EscalationReader(unitId, unit.Name, new Contact(unit.Name, unit.Email, unit.Channels), EscalationDecisions.Items(owed, cycle.Lookup, days), unitId, links.UnitLink(unitId, cycle.CycleId, expires)));
        }

        return await mail.EscalationAsync(cycle.Facts, tick.StepId, level, readers).ConfigureAwait(false);
    }
}

/// <param name="Range">Which of the cycle's unit ranges (<see cref="CycleRecord.UnitRanges"/>).</param>
public sealed record StepUnitsInput(string CycleId, CycleTick Tick, int Range);

public sealed record StepInput(string CycleId, CycleTick Tick);
