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
    private readonly Dictionary<(string Cycle, string Step), Dictionary<string, OutboxEntry>> entries = [];

    public Task<IReadOnlyDictionary<string, OutboxEntry>> GetAsync(string cycleId, string stepId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, OutboxEntry>>(entries.GetValueOrDefault((cycleId, stepId)) ?? []);

    public Task RecordPendingAsync(MailBatch batch, IReadOnlyList<MailRecipient> recipients, CancellationToken cancellationToken)
    {
        Dictionary<string, OutboxEntry> step = Step(batch.CycleId, batch.Step);
        foreach (MailRecipient r in recipients)
        {
            step[r.Key] = new OutboxEntry(batch.Step, r.Key, batch.Kind, OutboxStatus.Pending, r.To[0].Email, 1, null, null);
        }

        return Task.CompletedTask;
    }

    public Task RecordAsync(string cycleId, string stepId, IReadOnlyList<Delivery> deliveries, CancellationToken cancellationToken)
    {
        Dictionary<string, OutboxEntry> step = Step(cycleId, stepId);
        foreach (Delivery d in deliveries)
        {
            step[d.RecipientKey] = step[d.RecipientKey] with { Status = d.Status == DeliveryStatus.Sent ? OutboxStatus.Sent : d.Status == DeliveryStatus.Failed ? OutboxStatus.Failed : OutboxStatus.Rejected, Error = d.Error };
        }

        return Task.CompletedTask;
    }

    public Task<int> PendingCountAsync(string cycleId, CancellationToken cancellationToken) =>
        Task.FromResult(entries.Where(e => e.Key.Cycle == cycleId).SelectMany(e => e.Value.Values).Count(e => e.Status == OutboxStatus.Pending));

    public Task<IReadOnlyList<OutboxEntry>> ProblemsAsync(string cycleId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboxEntry>>([.. entries.Where(e => e.Key.Cycle == cycleId).SelectMany(e => e.Value.Values).Where(e => e.Status is OutboxStatus.Failed or OutboxStatus.Rejected)]);

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
