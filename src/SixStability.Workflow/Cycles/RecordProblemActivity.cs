using Microsoft.DurableTask;

namespace SixStability.Workflow.Cycles;

/// <summary>Keeps a step's failure on the cycle, so the coordinator sees it while the cycle goes on.</summary>
public sealed class RecordProblemActivity(ICycleStore cycles, TimeProvider clock) : TaskActivity<CycleProblemInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CycleProblemInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await cycles.AddProblemAsync(input.CycleId, new CycleProblem(clock.GetUtcNow(), input.Step, input.Message), CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}

public sealed record CycleProblemInput(string CycleId, string Step, string Message);
