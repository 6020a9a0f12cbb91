namespace SixStability.Core.Notifications;

/// <summary>
/// How fast one group robot may be sent to: WeCom and DingTalk each take about 20 messages a minute per robot
/// (DingTalk then blocks the robot for 10 minutes). The allowance is a set of <see cref="PacePolicy.Messages"/>
/// slots; a send takes a slot that has been free for a whole <see cref="PacePolicy.Window"/> and keeps it until
/// the send ends. Two sends on one slot are therefore a window apart, so no window ever holds more sends than
/// there are slots, however many activities, instances or cycles share the robot.
/// </summary>
public static class RobotPace
{
    /// <summary>
    /// Which slot to take now, or when the first one frees. <paramref name="slots"/> holds each slot's last use
    /// (null: never used) and has <see cref="PacePolicy.Messages"/> entries; <paramref name="heldUntil"/> is when a
    /// robot that answered "too fast" may be tried again. <paramref name="start"/> is where the search begins, so
    /// takers racing for one robot spread over its free slots instead of all reaching for the first.
    /// </summary>
    public static PaceChoice Choose(IReadOnlyList<DateTimeOffset?> slots, DateTimeOffset? heldUntil, DateTimeOffset now, PacePolicy policy, int start = 0)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentNullException.ThrowIfNull(policy);
        if (heldUntil is DateTimeOffset held && held > now)
        {
            return new PaceChoice(null, held);
        }

        int free = -1;
        DateTimeOffset? oldest = null;
        for (int k = 0; k < policy.Messages; k++)
        {
            int i = ((start % policy.Messages) + policy.Messages + k) % policy.Messages;
            DateTimeOffset? used = i < slots.Count ? slots[i] : null;
            if (used is null)
            {
                return new PaceChoice(i, null);
            }

            if (used <= now - policy.Window && (free < 0 || used < oldest))
            {
                free = i;
            }

            if (oldest is null || used < oldest)
            {
                oldest = used;
            }
        }

        return free >= 0 ? new PaceChoice(free, null) : new PaceChoice(null, oldest!.Value + policy.Window);
    }

    /// <summary>True when no <see cref="PacePolicy.Window"/> of the given send times holds more than <see cref="PacePolicy.Messages"/>.</summary>
    public static bool Respects(IEnumerable<DateTimeOffset> sends, PacePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        DateTimeOffset[] times = [.. sends.Order()];
        for (int i = policy.Messages; i < times.Length; i++)
        {
            if (times[i] - times[i - policy.Messages] < policy.Window)
            {
                return false;
            }
        }

        return true;
    }
}

/// <param name="Messages">Sends allowed in any one window (20 for both robots).</param>
/// <param name="Window">The window (a minute).</param>
public sealed record PacePolicy(int Messages, TimeSpan Window)
{
    public static PacePolicy Robots { get; } = new(20, TimeSpan.FromMinutes(1));
}

/// <param name="Slot">The slot to take now; null when none is free.</param>
/// <param name="NextFree">When to come back, when none is free.</param>
public sealed record PaceChoice(int? Slot, DateTimeOffset? NextFree);
