namespace SixStability.Workflow.Ports;

/// <summary>
/// The durable engine's own record of a cycle's orchestration (its history and instance rows), apart
/// from the cycle's data in our tables. Functions: DurableTaskClient.PurgeInstanceAsync; DevHost: DTFx
/// Azure Storage's PurgeInstanceHistoryAsync.
/// </summary>
public interface IOrchestrationHistory
{
    /// <summary>Deletes the orchestration's history and instance state; returns how many instances were purged (0 or 1).</summary>
    Task<int> PurgeAsync(string cycleId, CancellationToken cancellationToken);
}
