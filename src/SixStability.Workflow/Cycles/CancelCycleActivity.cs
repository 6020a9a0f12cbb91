using Microsoft.DurableTask;

namespace SixStability.Workflow.Cycles;

/// <summary>Cancels the cycle: its record says so, its obligations are sealed, and no step sends anything after.</summary>
public sealed class CancelCycleActivity(ICycleStore cycles, IObligationStore obligations, TimeProvider clock) : TaskActivity<string, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, string input)
    {
        await cycles.SetStatusAsync(input, CycleStatus.Cancelled, clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        await obligations.SealAsync(input, CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}
