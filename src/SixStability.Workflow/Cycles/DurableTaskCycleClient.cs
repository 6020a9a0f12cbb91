using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace SixStability.Workflow.Cycles;

/// <summary><see cref="ICycleClient"/> over a <see cref="DurableTaskClient"/> (Functions' [DurableClient], the test host).</summary>
public sealed class DurableTaskCycleClient(DurableTaskClient client) : ICycleClient, IOrchestrationHistory
{
    public async Task<bool> TryScheduleAsync(CycleInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(CycleOrchestrator), input, StartOptions(input.CycleId), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException || ex.GetType().Name == "RpcException")
        {
            // Two starts raced (a timer retry and a click): the other one made the cycle. The engine's
            // own refusal is the only signal it gives, so it is adapted here, at the engine's edge.
            if (await client.GetInstanceAsync(input.CycleId, cancellationToken).ConfigureAwait(false) is null)
            {
                throw;
            }

            return false;
        }
    }

    public async Task<CycleInstance?> GetAsync(string cycleId, CancellationToken cancellationToken)
    {
        OrchestrationMetadata? meta = await client.GetInstanceAsync(cycleId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        return meta is null
            ? null
            : new CycleInstance(meta.RuntimeStatus.ToString(), meta.SerializedCustomStatus is null ? null : meta.ReadCustomStatusAs<CycleProgress>(), meta.CreatedAt, meta.LastUpdatedAt, meta.FailureDetails?.ErrorMessage);
    }

    public Task RaiseAsync(string cycleId, CycleCommand command, CancellationToken cancellationToken) =>
        client.RaiseEventAsync(cycleId, CycleOrchestrator.CommandEvent, command, cancellationToken);

    public async Task<int> PurgeAsync(string cycleId, CancellationToken cancellationToken) =>
        (await client.PurgeInstanceAsync(cycleId, cancellation: cancellationToken).ConfigureAwait(false)).PurgedInstanceCount;

    /// <summary>
    /// Every cycle starts with the current orchestration version, recorded by the engine for the
    /// orchestration's whole life (the Functions host takes it from the start request; host.json's
    /// defaultVersion says the same for starts that carry none).
    /// </summary>
    public static StartOrchestrationOptions StartOptions(string cycleId) => new(cycleId) { Version = CycleOrchestratorVersions.Current };
}
