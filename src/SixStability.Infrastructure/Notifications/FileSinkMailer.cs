using MimeKit;

namespace SixStability.Infrastructure.Notifications;

/// <summary>Development: every mail becomes an .eml file in <c>Mail:SinkPath</c> (.devdata/mail/).</summary>
public sealed class FileSinkMailer(IOptions<MailOptions> options, TimeProvider clock) : IMailer
{
    private readonly MailOptions settings = options.Value;

    public string Folder => Path.GetFullPath(settings.SinkPath);

    public async Task<IReadOnlyList<Delivery>> SendAsync(MailBatch batch, IReadOnlyList<MailRecipient> recipients, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var deliveries = new List<Delivery>(recipients.Count);
        foreach (MailRecipient r in recipients)
        {
            DateTimeOffset now = clock.GetUtcNow();
            using MimeMessage message = MimeMessages.Create(batch, r, settings, now);
            string name = $"{now:yyyyMMddTHHmmssfff}-{Safe(batch.CycleId)}-{Safe(batch.Step)}-{Safe(r.Key)}.eml";
            string path = Path.Combine(Folder, name);
            string temp = path + ".tmp";
            await message.WriteToAsync(temp, cancellationToken).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true); // readers never see half a file
            deliveries.Add(new Delivery(r.Key, DeliveryStatus.Sent));
        }

        return deliveries;
    }

    private static string Safe(string text) => string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
