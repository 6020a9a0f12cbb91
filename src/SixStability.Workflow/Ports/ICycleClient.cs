using SixStability.Workflow.Cycles;

namespace SixStability.Workflow.Ports;

/// <summary>
/// The durable engine as the HTTP handlers see it: the Functions host's DurableTaskClient in Azure,
/// the embedded engine in DevHost. Instance id = cycle id.
/// </summary>
public interface ICycleClient
{
    /// <summary>Starts the cycle unless its orchestration already exists; false when it did.</summary>
    Task<bool> StartAsync(CycleInput input, CancellationToken cancellationToken);

    Task<CycleInstance?> GetAsync(string cycleId, CancellationToken cancellationToken);

    Task RaiseAsync(string cycleId, CycleCommand command, CancellationToken cancellationToken);
}

/// <param name="RuntimeStatus">Pending, Running, Completed, Failed, Terminated …</param>
public sealed record CycleInstance(string RuntimeStatus, CycleProgress? Progress, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt);
