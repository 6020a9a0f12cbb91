using Microsoft.DurableTask;

namespace SixStability.Workflow.Cycles;

/// <summary>
/// Moves one unit's due day (延期): every obligation it still owes in the cycle takes the new date,
/// the unit is told, and the timeline is rebuilt so its reminders and escalation follow its own date.
/// </summary>
public sealed class ExtendDeadlineActivity(CycleContextLoader loader, ICycleStore cycles, IObligationStore obligations, ICycleTallies tallies, MailComposer mail, Notifier notifier, ILinkSigner links, BusinessCalendar china, TimeProvider clock)
    : TaskActivity<ExtendDeadlineInput, IReadOnlyList<CycleTick>>
{
    public override async Task<IReadOnlyList<CycleTick>> RunAsync(TaskActivityContext context, ExtendDeadlineInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CycleContext cycle = await loader.LoadAsync(input.CycleId, CancellationToken.None).ConfigureAwait(false);
        if (ExtensionRules.CheckBounds(input.Due, cycle.Timing) is { } outside)
        {
            // Refused here too: a date past the horizon would make the timeline uncountable and stop the cycle.
            await cycles.AddProblemAsync(input.CycleId, new CycleProblem(clock.GetUtcNow(), "extension", $"单位“{cycle.Lookup.UnitName(input.UnitId)}”的延期未执行：{outside}"), CancellationToken.None).ConfigureAwait(false);
            return CycleTimeline.Build(cycle.Record.Frame, cycle.Record.Policy, china, await tallies.DueDaysAsync(input.CycleId, CancellationToken.None).ConfigureAwait(false));
        }

        IReadOnlyList<Obligation> owned = await obligations.ListUnitAsync(input.CycleId, input.UnitId, CancellationToken.None).ConfigureAwait(false);
        var changed = false;
        foreach (Obligation o in owned.Where(o => o.IsOwed && o.Due != input.Due))
        {
            var entry = new HistoryEntry(clock.GetUtcNow(), "coordinator", "extended", $"截止日期延至{ChineseDates.Full(input.Due)}。{input.Reason}");
            changed |= (await obligations.ChangeAsync(o.CycleId, o.UnitId, o.TaskNumber, x => x with { Due = input.Due }, entry, null, CancellationToken.None).ConfigureAwait(false)).IsOk;
        }

        IReadOnlyCollection<DateOnly> dues = await tallies.DueDaysAsync(input.CycleId, CancellationToken.None).ConfigureAwait(false);
        if (changed && cycle.Lookup.FindUnit(input.UnitId) is { } unit)
        {
            Uri link = links.UnitLink(input.UnitId, input.CycleId, cycle.LinkExpiry(dues));
            MailBatch batch = await mail.ExtensionDecisionAsync(cycle.Facts, $"extension-{input.UnitId}-{input.Due:yyyyMMdd}", unit, approved: true, input.Due, input.Reason, link).ConfigureAwait(false);
            await notifier.SendAsync(batch, CancellationToken.None).ConfigureAwait(false);
        }

        return CycleTimeline.Build(cycle.Record.Frame, cycle.Record.Policy, china, dues);
    }
}

public sealed record ExtendDeadlineInput(string CycleId, string UnitId, DateOnly Due, string? Reason);
