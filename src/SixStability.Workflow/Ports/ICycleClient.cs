namespace SixStability.Workflow.Ports;

/// <summary>
/// The durable engine as the use cases see it: the Functions host's DurableTaskClient in Azure,
/// the embedded engine in DevHost. Instance id = cycle id.
/// </summary>
public interface ICycleClient
{
    /// <summary>Schedules a new orchestration of the cycle; false when another start created it first.</summary>
    Task<bool> TryScheduleAsync(CycleInput input, CancellationToken cancellationToken);

    Task<CycleInstance?> GetAsync(string cycleId, CancellationToken cancellationToken);

    Task RaiseAsync(string cycleId, CycleCommand command, CancellationToken cancellationToken);
}

/// <param name="RuntimeStatus">Pending, Running, Completed, Failed, Terminated …</param>
/// <param name="Failure">Why the orchestration failed, when it did.</param>
public sealed record CycleInstance(string RuntimeStatus, CycleProgress? Progress, DateTimeOffset CreatedAt, DateTimeOffset LastUpdatedAt, string? Failure = null)
{
    /// <summary>The orchestration ended without finishing its cycle: it may be started again.</summary>
    public bool HasFailed => RuntimeStatus is "Failed" or "Terminated";
}
