using System.Net;
using Microsoft.Extensions.Logging;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace SixStability.Infrastructure.Notifications;

/// <summary>
/// SendGrid v3 mail/send. 429 and 5xx are retried with backoff that honours Retry-After; a 4xx for a
/// request of many recipients is retried one recipient at a time, so one bad address is recorded for
/// that recipient and the others still go out.
/// </summary>
public sealed partial class SendGridMailer(ISendGridClient client, IOptions<MailOptions> options, TimeProvider clock, ILogger<SendGridMailer> logger) : IMailer
{
    private readonly MailOptions settings = options.Value;

    public async Task<IReadOnlyList<Delivery>> SendAsync(MailBatch batch, IReadOnlyList<MailRecipient> recipients, CancellationToken cancellationToken)
    {
        var from = new EmailAddress(settings.From, settings.FromName);
        var deliveries = new List<Delivery>(recipients.Count);
        foreach ((SendGridMessage message, IReadOnlyList<MailRecipient> group) in SendGridRequests.Build(batch, recipients, from, settings.SendGridBatchSize))
        {
            (HttpStatusCode status, string? error) = await SendWithRetriesAsync(message, cancellationToken).ConfigureAwait(false);
            if (IsSuccess(status))
            {
                deliveries.AddRange(group.Select(r => new Delivery(r.Key, DeliveryStatus.Sent)));
            }
            else if (IsPermanent(status) && group.Count > 1)
            {
                // Which recipient spoiled the request? Send each alone.
                foreach (MailRecipient r in group)
                {
                    deliveries.AddRange(await SendAsync(batch, [r], cancellationToken).ConfigureAwait(false));
                }
            }
            else
            {
                DeliveryStatus outcome = IsPermanent(status) ? DeliveryStatus.Rejected : DeliveryStatus.Failed;
                deliveries.AddRange(group.Select(r => new Delivery(r.Key, outcome, error)));
            }
        }

        return deliveries;
    }

    private static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;

    private static bool IsPermanent(HttpStatusCode status) => (int)status is >= 400 and < 500 and not 429 and not 408;

    private async Task<(HttpStatusCode Status, string? Error)> SendWithRetriesAsync(SendGridMessage message, CancellationToken cancellationToken)
    {
        TimeSpan backoff = settings.FirstBackoff;
        for (int attempt = 1; ; attempt++)
        {
            Response response;
            try
            {
                response = await client.SendEmailAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                if (attempt >= settings.MaxAttempts)
                {
                    return (HttpStatusCode.ServiceUnavailable, $"无法连接邮件服务：{ex.Message}");
                }

                await Task.Delay(backoff, clock, cancellationToken).ConfigureAwait(false);
                backoff *= 2;
                continue;
            }

            if (IsSuccess(response.StatusCode))
            {
                return (response.StatusCode, null);
            }

            string body = await response.Body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            string error = $"SendGrid {(int)response.StatusCode}: {Truncate(body)}";
            if (IsPermanent(response.StatusCode) || attempt >= settings.MaxAttempts)
            {
                LogGaveUp(logger, (int)response.StatusCode, attempt);
                return (response.StatusCode, error);
            }

            TimeSpan wait = RetryAfter(response) ?? backoff;
            if (wait > settings.MaxBackoff)
            {
                return (response.StatusCode, error + "（Retry-After 过长，留待下次重试）");
            }

            LogRetrying(logger, (int)response.StatusCode, wait.TotalSeconds, attempt);
            await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
            backoff *= 2;
        }
    }

    private TimeSpan? RetryAfter(Response response)
    {
        var header = response.Headers?.RetryAfter;
        if (header?.Delta is TimeSpan delta)
        {
            return delta;
        }

        return header?.Date is DateTimeOffset date ? (date - clock.GetUtcNow()) is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero : null;
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500];

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid answered {Status}; retrying in {Seconds}s (attempt {Attempt})")]
    private static partial void LogRetrying(ILogger logger, int status, double seconds, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid answered {Status} after {Attempts} attempts; recorded as not sent")]
    private static partial void LogGaveUp(ILogger logger, int status, int attempts);
}
