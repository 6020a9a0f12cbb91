using Microsoft.DurableTask;

namespace SixStability.Workflow.Cycles;

/// <summary>
/// An escalation level's mail to the people above the late units (<see cref="EscalationDecisions.Offices"/>):
/// each 分管市领导 from level 2, the 市政府督查室 from level 3, the coordinator always. Each mail (and each of
/// their group robots' messages) links to the cycle's board, where after sign-in a leader sees the units they
/// oversee (read-only).
/// </summary>
public sealed class EscalationDigestActivity(CycleContextLoader loader, IObligationStore obligations, MailComposer mail, Notifier notifier, PageLinks pages)
    : TaskActivity<StepInput, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, StepInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CycleContext cycle = await loader.LoadAsync(input.CycleId, CancellationToken.None).ConfigureAwait(false);
        if (!cycle.IsOpen)
        {
            return 0;
        }

        int level = input.Tick.Level ?? 1;
        IReadOnlyList<Obligation> late = EscalationDecisions.Late(input.Tick, await obligations.ListAllAsync(input.CycleId, null, CancellationToken.None).ConfigureAwait(false));
        Uri board = pages.Board(input.CycleId);
        var readers = EscalationDecisions.Offices(level, late, cycle.Lookup, StepDecisions.WorkingDaysLate(input.Tick, cycle.Calendar)).Select(r => r with { Board = board }).ToList();
        if (readers.Count == 0)
        {
            return 0;
        }

        NotifyResult result = await notifier.SendAsync(await mail.EscalationAsync(cycle.Facts, input.Tick.StepId, level, readers).ConfigureAwait(false), CancellationToken.None).ConfigureAwait(false);
        return result.Sent;
    }
}
