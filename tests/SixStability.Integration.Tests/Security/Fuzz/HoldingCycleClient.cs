using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Security.Fuzz;

/// <summary>
/// The durable engine for a fuzz run: real until the cycle is open, then holding. A held start or command
/// is answered as the engine answers (accepted) but runs nothing, so an accepted request cannot set off
/// background work that would write while the next, refused one is being checked for writes; and the live
/// cycle stays open for every case. What accepted commands do to a cycle is the orchestration's tests' job.
/// </summary>
internal sealed class HoldingCycleClient(ICycleClient engine) : ICycleClient
{
    private int held;

    public bool Holding { get; set; }

    /// <summary>Starts and commands accepted while holding.</summary>
    public int Held => held;

    public Task<bool> TryScheduleAsync(CycleInput input, CancellationToken cancellationToken)
    {
        if (!Holding)
        {
            return engine.TryScheduleAsync(input, cancellationToken);
        }

        Interlocked.Increment(ref held);
        return Task.FromResult(true);
    }

    public Task<CycleInstance?> GetAsync(string cycleId, CancellationToken cancellationToken) => engine.GetAsync(cycleId, cancellationToken);

    public Task RaiseAsync(string cycleId, CycleCommand command, CancellationToken cancellationToken)
    {
        if (!Holding)
        {
            return engine.RaiseAsync(cycleId, command, cancellationToken);
        }

        Interlocked.Increment(ref held);
        return Task.CompletedTask;
    }
}
