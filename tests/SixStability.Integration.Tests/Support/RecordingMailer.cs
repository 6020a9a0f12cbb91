using System.Collections.Concurrent;
using SixStability.Core.Notifications;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Support;

/// <summary>Stands in for the mail provider: keeps every rendered mail, per recipient.</summary>
internal sealed class RecordingMailer : IMailer
{
    public ConcurrentQueue<SentMail> Sent { get; } = new();

    public Task<IReadOnlyList<Delivery>> SendAsync(MailBatch batch, IReadOnlyList<MailRecipient> recipients, CancellationToken cancellationToken)
    {
        foreach (MailRecipient r in recipients)
        {
            Sent.Enqueue(new SentMail(batch.CycleId, batch.Step, batch.Kind, r.Key, r.To.Select(c => c.Email).ToList(), r.Mail));
        }

        return Task.FromResult<IReadOnlyList<Delivery>>(recipients.Select(r => new Delivery(r.Key, DeliveryStatus.Sent)).ToList());
    }

    public IReadOnlyList<SentMail> For(string cycleId) => Sent.Where(m => m.CycleId == cycleId).ToList();
}

internal sealed record SentMail(string CycleId, string Step, MailKind Kind, string RecipientKey, IReadOnlyList<string> To, RenderedMail Mail);
