using Microsoft.DurableTask;

namespace SixStability.Workflow.Cycles;

/// <summary>
/// V2's step: keeps on the cycle's record which orchestration version runs it (a resumed cycle runs the
/// version of the build that resumed it). Retiring an old version needs this: the Functions client does
/// not tell an instance's version.
/// </summary>
public sealed class RecordOrchestrationVersionActivity(ICycleStore cycles) : TaskActivity<CycleVersionInput, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CycleVersionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await cycles.SetOrchestrationVersionAsync(input.CycleId, input.Version, CancellationToken.None).ConfigureAwait(false);
        return true;
    }
}

public sealed record CycleVersionInput(string CycleId, string Version);
