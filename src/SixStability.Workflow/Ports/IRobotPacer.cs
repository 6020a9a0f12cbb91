namespace SixStability.Workflow.Ports;

/// <summary>
/// Each robot's allowance of sends (<see cref="RobotPace"/>: about 20 a minute), shared by every activity,
/// instance and cycle that uses the robot, so it must live in storage, not in one process.
/// </summary>
public interface IRobotPacer
{
    /// <summary>Takes one send of the robot's allowance now, or says when one frees (<see cref="PaceGrant.NextFree"/>).</summary>
    Task<PaceGrant> TryTakeAsync(ChannelKind kind, string robot, CancellationToken cancellationToken);

    /// <summary>The send is over: its slot counts from now (a send that waited on retries must not shorten the window).</summary>
    Task ReleaseAsync(PaceGrant grant, CancellationToken cancellationToken);

    /// <summary>The robot answered "too fast": nothing more to it until <paramref name="until"/>.</summary>
    Task HoldAsync(ChannelKind kind, string robot, DateTimeOffset until, CancellationToken cancellationToken);
}

/// <param name="Slot">The slot taken; null when none was free.</param>
/// <param name="NextFree">When a slot frees, when none was.</param>
/// <param name="Tag">The store's version of the slot taken (an ETag), to stamp it again on release.</param>
public sealed record PaceGrant(ChannelKind Kind, string Robot, int? Slot, DateTimeOffset? NextFree, string? Tag = null)
{
    public bool Granted => Slot is not null;
}
