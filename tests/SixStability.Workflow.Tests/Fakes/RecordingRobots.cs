using SixStability.Core.Notifications;
using SixStability.Core.Units;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Tests.Fakes;

/// <summary>
/// Group robots as a list: every message each robot accepted, stamped with the test's clock, and an answer the
/// test scripts per robot and per try (sent by default). Robots named in <see cref="Configured"/> exist.
/// </summary>
internal sealed class RecordingRobots(TimeProvider clock) : IRobotMessenger, IRobotCatalog
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> tries = new(StringComparer.Ordinal);

    public HashSet<string> Configured { get; } = new(StringComparer.Ordinal) { "wecom:rsj_group", "wecom:city_wecom", "dingtalk:city_ding", "dingtalk:fgw_office" };

    /// <summary>Accepted messages: robot (kind:name), when, and the message.</summary>
    public List<(string Robot, DateTimeOffset At, RobotMessage Message)> Sent { get; } = [];

    /// <summary>Every request, accepted or not.</summary>
    public List<(string Robot, DateTimeOffset At)> Requests { get; } = [];

    /// <summary>The answer to a robot's n-th request (0-based).</summary>
    public Func<string, int, RobotAnswer> Answer { get; set; } = (_, _) => RobotAnswer.Sent;

    public bool IsConfigured(ChannelKind kind, string robot) => Configured.Contains($"{kind.Key()}:{robot}");

    public Task<RobotAnswer> SendAsync(ChannelKind kind, string robot, RobotMessage message, CancellationToken cancellationToken)
    {
        string name = $"{kind.Key()}:{robot}";
        lock (gate)
        {
            int n = tries.GetValueOrDefault(name);
            tries[name] = n + 1;
            Requests.Add((name, clock.GetUtcNow()));
            RobotAnswer answer = Answer(name, n);
            if (answer.Outcome == RobotOutcome.Sent)
            {
                Sent.Add((name, clock.GetUtcNow(), message));
            }

            return Task.FromResult(answer);
        }
    }

    public IReadOnlyList<DateTimeOffset> TimesOf(string robot)
    {
        lock (gate)
        {
            return [.. Sent.Where(s => s.Robot == robot).Select(s => s.At)];
        }
    }
}

/// <summary>The robots' allowance in memory, by the same rule the table store applies (<see cref="RobotPace"/>).</summary>
internal sealed class InMemoryRobotPacer(TimeProvider clock) : IRobotPacer
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, DateTimeOffset?[]> slots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> holds = new(StringComparer.Ordinal);

    public PacePolicy Policy { get; set; } = PacePolicy.Robots;

    public Task<PaceGrant> TryTakeAsync(ChannelKind kind, string robot, CancellationToken cancellationToken)
    {
        string name = $"{kind.Key()}:{robot}";
        lock (gate)
        {
            DateTimeOffset?[] used = Slots(name);
            DateTimeOffset now = clock.GetUtcNow();
            PaceChoice choice = RobotPace.Choose(used, holds.TryGetValue(name, out DateTimeOffset held) ? held : null, now, Policy);
            if (choice.Slot is int slot)
            {
                used[slot] = now;
            }

            return Task.FromResult(new PaceGrant(kind, robot, choice.Slot, choice.NextFree));
        }
    }

    public Task ReleaseAsync(PaceGrant grant, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (grant.Slot is int slot)
            {
                Slots($"{grant.Kind.Key()}:{grant.Robot}")[slot] = clock.GetUtcNow();
            }
        }

        return Task.CompletedTask;
    }

    public Task HoldAsync(ChannelKind kind, string robot, DateTimeOffset until, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            holds[$"{kind.Key()}:{robot}"] = until;
        }

        return Task.CompletedTask;
    }

    private DateTimeOffset?[] Slots(string name)
    {
        if (!slots.TryGetValue(name, out DateTimeOffset?[]? used))
        {
            slots[name] = used = new DateTimeOffset?[Policy.Messages];
        }

        return used;
    }
}
