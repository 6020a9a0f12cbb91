using Microsoft.DurableTask;
using SixStability.Core.Cycles;
using SixStability.Core.Notifications;
using SixStability.Core.Units;
using SixStability.Workflow.Notifications;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Cycles;

/// <summary>
/// An escalation level's mail to the people above the units: each 分管市领导 (from level 2) about the
/// late units they oversee, the 市政府督查室 (from level 3) and the coordinator about all of them.
/// </summary>
public sealed class EscalationDigestActivity(CycleContextLoader loader, IObligationStore obligations, Notifier notifier)
    : TaskActivity<StepInput, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, StepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CycleContext cycle = await loader.LoadAsync(input.CycleId, CancellationToken.None).ConfigureAwait(false);
        if (cycle.Record.Status != CycleStatus.Open)
        {
            return 0;
        }

        int level = input.Tick.Level ?? 1;
        int days = StepDecisions.WorkingDaysLate(input.Tick, cycle.Calendar);
        List<Obligation> late = await obligations.ListAsync(input.CycleId, null, CancellationToken.None)
            .Where(o => o.IsOwed && o.Due == input.Tick.Due).ToListAsync(CancellationToken.None).ConfigureAwait(false);

        if (late.Count == 0)
        {
            return 0;
        }

        EscalationAudience audience = StepDecisions.Audience(level);
        IReadOnlyList<LateItem> all = RunStepPageActivity.LateItems(cycle, late, days);
        var readers = new List<EscalationReader>();
        if (audience.Leader)
        {
            foreach (IGrouping<string, Obligation> group in late.GroupBy(o => cycle.Unit(o.UnitId).Leader, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                Leader leader = cycle.Directory.Leaders.Single(l => l.Id == group.Key);
                readers.Add(new EscalationReader($"leader-{leader.Id}", $"{leader.Name}{leader.Title}", new Contact(leader.Name, leader.Email), RunStepPageActivity.LateItems(cycle, group, days)));
            }
        }

        if (audience.SupervisionOffice)
        {
            readers.Add(new EscalationReader("supervision", cycle.Directory.SupervisionOffice.Name, cycle.Directory.SupervisionOffice, all));
        }

        if (audience.Coordinator)
        {
            readers.Add(new EscalationReader("coordinator", cycle.Directory.Coordinator.Name, cycle.Directory.Coordinator, all));
        }

        NotifyResult result = await notifier.SendAsync(Notices.Escalation(cycle.Facts, input.Tick.StepId, level, readers), CancellationToken.None).ConfigureAwait(false);
        return result.Sent;
    }
}
