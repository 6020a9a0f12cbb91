namespace SixStability.Workflow.Ports;

/// <summary>
/// Posts one message to one group robot's webhook (WeCom, DingTalk) and says how it went. Both answer errcode in
/// a 200 body; the adapter reads it, retries what the robot calls transient and reports the rest.
/// </summary>
public interface IRobotMessenger
{
    Task<RobotAnswer> SendAsync(ChannelKind kind, string robot, RobotMessage message, CancellationToken cancellationToken);
}

/// <param name="Error">What the robot or the network said, for the coordinator; null when sent.</param>
/// <param name="Cooldown">How long the robot asks to be left alone (rate limits): DingTalk blocks a robot 10 minutes.</param>
public sealed record RobotAnswer(RobotOutcome Outcome, string? Error = null, TimeSpan? Cooldown = null)
{
    public static RobotAnswer Sent { get; } = new(RobotOutcome.Sent);
}

public enum RobotOutcome
{
    Sent,

    /// <summary>"Too fast" (WeCom 45009, DingTalk 130101 / 410100) even after retries: wait, then send again.</summary>
    RateLimited,

    /// <summary>5xx, timeouts, a busy robot (-1) after retries: try again later.</summary>
    Unavailable,

    /// <summary>The robot itself is refused (wrong key or token, bad signature, stopped, not configured): nothing to it can go.</summary>
    RobotRefused,

    /// <summary>This message is refused (its content); the robot's other messages may still go.</summary>
    MessageRefused,
}
