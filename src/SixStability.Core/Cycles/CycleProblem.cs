namespace SixStability.Core.Cycles;

/// <summary>
/// Something a cycle's step could not do (after its retries), kept on the cycle for the coordinator:
/// the cycle goes on to its next step and its close, and the problem stays visible until resolved.
/// </summary>
/// <param name="Step">The step it happened in (open, reminder-…, escalation2-…, extension, close).</param>
/// <param name="Message">What went wrong, for people.</param>
public sealed record CycleProblem(DateTimeOffset At, string Step, string Message);
