using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace SixStability.Infrastructure.Notifications;

/// <summary>
/// SMTP through MailKit, for deployments where SendGrid is not reachable (Azure China, a government
/// mail relay). One connection per step; a refused address is recorded and the rest still go out.
/// </summary>
public sealed partial class SmtpMailer(IOptions<MailOptions> options, TimeProvider clock, ILogger<SmtpMailer> logger) : IMailer
{
    private readonly MailOptions settings = options.Value;

    public async Task<IReadOnlyList<Delivery>> SendAsync(MailBatch batch, IReadOnlyList<MailRecipient> recipients, CancellationToken cancellationToken)
    {
        var deliveries = new List<Delivery>(recipients.Count);
        using var client = new SmtpClient();
        try
        {
            // The TLS mode is explicit (Smtp:Tls): Auto would send the password in clear to a relay that offers no STARTTLS.
            await client.ConnectAsync(settings.SmtpHost ?? throw new InvalidOperationException("Smtp:Host 未配置。"), settings.SmtpPort, settings.SmtpTls.ToMailKit(), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(settings.SmtpUser))
            {
                await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or ProtocolException or IOException or SslHandshakeException)
        {
            LogUnreachable(logger, settings.SmtpHost, ex.Message);
            return recipients.Select(r => new Delivery(r.Key, DeliveryStatus.Failed, $"无法连接 SMTP 服务器：{ex.Message}")).ToList();
        }
        catch (NotSupportedException ex)
        {
            // MailKit: StartTls asked for, and the server offers no STARTTLS. Nothing was sent in clear.
            LogUnreachable(logger, settings.SmtpHost, ex.Message);
            return recipients.Select(r => new Delivery(r.Key, DeliveryStatus.Failed, $"SMTP 服务器不支持 STARTTLS（Smtp:Tls=StartTls），未发送：{ex.Message}")).ToList();
        }
        catch (AuthenticationException ex)
        {
            return recipients.Select(r => new Delivery(r.Key, DeliveryStatus.Rejected, $"SMTP 认证失败：{ex.Message}")).ToList();
        }

        foreach (MailRecipient r in recipients)
        {
            using MimeMessage message = MimeMessages.Create(batch, r, settings, clock.GetUtcNow());
            try
            {
                await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
                deliveries.Add(new Delivery(r.Key, DeliveryStatus.Sent));
            }
            catch (SmtpCommandException ex) when ((int)ex.StatusCode is >= 500 and < 600)
            {
                deliveries.Add(new Delivery(r.Key, DeliveryStatus.Rejected, $"SMTP {(int)ex.StatusCode}: {ex.Message}"));
            }
            catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or IOException)
            {
                deliveries.Add(new Delivery(r.Key, DeliveryStatus.Failed, $"SMTP: {ex.Message}"));
                if (!client.IsConnected)
                {
                    deliveries.AddRange(recipients.Skip(deliveries.Count).Select(x => new Delivery(x.Key, DeliveryStatus.Failed, "SMTP 连接已断开")));
                    return deliveries;
                }
            }
        }

        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
        return deliveries;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP server {Host} unreachable: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string? host, string reason);
}
