using SixStability.Core.Links;
using SixStability.Core.Notifications;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Tests.Fakes;

/// <summary>Every mail the use cases send, as its reader gets it.</summary>
internal sealed class RecordingMailer : IMailer
{
    public List<(MailBatch Batch, MailRecipient Recipient)> Sent { get; } = [];

    public Task<IReadOnlyList<Delivery>> SendAsync(MailBatch batch, IReadOnlyList<MailRecipient> recipients, CancellationToken cancellationToken)
    {
        Sent.AddRange(recipients.Select(r => (batch, r)));
        return Task.FromResult<IReadOnlyList<Delivery>>([.. recipients.Select(r => new Delivery(r.Key, DeliveryStatus.Sent))]);
    }
}

internal sealed class InMemoryOutbox : IMailOutbox
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Cycle, string Step), Dictionary<string, OutboxEntry>> entries = [];
    private readonly Dictionary<(string Cycle, string Step, string Key), RobotSend> robots = [];

    public Task<IReadOnlyDictionary<string, OutboxEntry>> GetAsync(string cycleId, string stepId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyDictionary<string, OutboxEntry>>(new Dictionary<string, OutboxEntry>(entries.GetValueOrDefault((cycleId, stepId)) ?? [], StringComparer.Ordinal));
        }
    }

    public Task RecordPendingAsync(MailBatch batch, IReadOnlyList<MailRecipient> recipients, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Dictionary<string, OutboxEntry> step = Step(batch.CycleId, batch.Step);
            foreach (MailRecipient r in recipients)
            {
                step[r.Key] = new OutboxEntry(batch.Step, r.Key, batch.Kind, OutboxStatus.Pending, r.To[0].Email, step.TryGetValue(r.Key, out OutboxEntry? e) ? e.Attempts : 0, null, null);
            }
        }

        return Task.CompletedTask;
    }

    public Task RecordPendingAsync(string cycleId, string stepId, MailKind kind, IReadOnlyList<RobotSend> sends, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Dictionary<string, OutboxEntry> step = Step(cycleId, stepId);
            foreach (RobotSend s in sends)
            {
                step[s.Key] = new OutboxEntry(stepId, s.Key, kind, OutboxStatus.Pending, s.Channel.Name, step.TryGetValue(s.Key, out OutboxEntry? e) ? e.Attempts : 0, null, null, s.Channel.Kind, s.Channel.Robot, Reader: s.RecipientKey);
                robots[(cycleId, stepId, s.Key)] = s;
            }
        }

        return Task.CompletedTask;
    }

    public Task RecordAsync(string cycleId, string stepId, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Dictionary<string, OutboxEntry> step = Step(cycleId, stepId);
            foreach (Delivery d in deliveries)
            {
                OutboxEntry e = step[d.RecipientKey];
                step[d.RecipientKey] = e with
                {
                    Status = d.Status switch
                    {
                        DeliveryStatus.Sent => OutboxStatus.Sent,
                        DeliveryStatus.Failed => OutboxStatus.Failed,
                        DeliveryStatus.Queued => OutboxStatus.Queued,
                        _ => OutboxStatus.Rejected,
                    },
                    Error = d.Error ?? e.Error,
                    Attempts = e.Attempts + (d.Attempted ? 1 : 0),
                    NotBefore = d.NotBefore,
                };
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QueuedRobotSend>> QueuedAsync(string cycleId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<QueuedRobotSend>>([.. entries.Where(e => e.Key.Cycle == cycleId).OrderBy(e => e.Key.Step, StringComparer.Ordinal)
                .SelectMany(e => e.Value.Values.OrderBy(v => v.RecipientKey, StringComparer.Ordinal))
                .Where(e => e.Status == OutboxStatus.Queued)
                .Select(e => new QueuedRobotSend(e.Step, e.Kind, robots[(cycleId, e.Step, e.RecipientKey)], e.Attempts, e.NotBefore ?? DateTimeOffset.MinValue))]);
        }
    }

    public Task<IReadOnlyList<OutboxEntry>> ProblemsAsync(string cycleId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<OutboxEntry>>([.. entries.Where(e => e.Key.Cycle == cycleId).SelectMany(e => e.Value.Values).Where(e => e.Status is OutboxStatus.Failed or OutboxStatus.Rejected or OutboxStatus.Queued)]);
        }
    }

    /// <summary>Every row of the cycle, for assertions.</summary>
    public IReadOnlyList<OutboxEntry> All(string cycleId)
    {
        lock (gate)
        {
            return [.. entries.Where(e => e.Key.Cycle == cycleId).SelectMany(e => e.Value.Values)];
        }
    }

    private Dictionary<string, OutboxEntry> Step(string cycleId, string stepId)
    {
        if (!entries.TryGetValue((cycleId, stepId), out Dictionary<string, OutboxEntry>? step))
        {
            entries[(cycleId, stepId)] = step = new(StringComparer.Ordinal);
        }

        return step;
    }
}

/// <summary>Links that say who they are for, and a verifier that reads them back: no keys in a unit test.</summary>
internal sealed class PlainLinks : ILinkSigner, ILinkVerifier
{
    public Uri UnitLink(string unitId, string cycleId, DateTimeOffset expires) => new($"https://lwlb.example.gov.cn/u?t={Uri.EscapeDataString(unitId + "|" + cycleId)}");

    public Uri BoardLink() => new("https://lwlb.example.gov.cn/coord");

    public LinkClaims? Verify(string? token, DateTimeOffset now) =>
        token?.Split('|') is [var unit, var cycle] ? new LinkClaims(unit, cycle, LinkTokens.UnitPurpose, now.AddDays(1)) : null;
}

/// <summary>The durable engine as a list: what was scheduled and which commands were raised.</summary>
internal sealed class RecordingEngine : ICycleClient
{
    public List<CycleInput> Scheduled { get; } = [];

    public List<(string CycleId, CycleCommand Command)> Raised { get; } = [];

    public Task<bool> TryScheduleAsync(CycleInput input, CancellationToken cancellationToken)
    {
        Scheduled.Add(input);
        return Task.FromResult(true);
    }

    public Task<CycleInstance?> GetAsync(string cycleId, CancellationToken cancellationToken) =>
        Task.FromResult(Scheduled.Any(i => i.CycleId == cycleId) ? new CycleInstance("Running", null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow) : null);

    public Task RaiseAsync(string cycleId, CycleCommand command, CancellationToken cancellationToken)
    {
        Raised.Add((cycleId, command));
        return Task.CompletedTask;
    }
}
