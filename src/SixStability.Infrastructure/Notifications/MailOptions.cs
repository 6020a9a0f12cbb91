namespace SixStability.Infrastructure.Notifications;

/// <summary><c>Mail:*</c>, <c>SendGrid:*</c>, <c>Smtp:*</c>.</summary>
public sealed class MailOptions
{
    /// <summary><c>Mail:Provider</c>: SendGrid, Smtp or Sink.</summary>
    public string Provider { get; set; } = "Sink";

    /// <summary><c>Mail:From</c>.</summary>
    public string From { get; set; } = "lwlb-noreply@example.gov.cn";

    /// <summary><c>Mail:FromName</c>.</summary>
    public string FromName { get; set; } = "景德镇市“六稳六保”工作专班";

    /// <summary><c>Mail:SinkPath</c>: where the development sink writes .eml files.</summary>
    public string SinkPath { get; set; } = Path.Combine(".devdata", "mail");

    public string? SendGridApiKey { get; set; }

    /// <summary><c>SendGrid:Host</c>: the API's base address; tests point it at a local recorder.</summary>
    public string? SendGridHost { get; set; }

    /// <summary>Personalizations per SendGrid request (the API allows 1,000).</summary>
    public int SendGridBatchSize { get; set; } = 1000;

    /// <summary>Tries per request for 429 and 5xx answers.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First backoff when the answer has no Retry-After; doubles each try.</summary>
    public TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait we honour from Retry-After before giving up for this run of the step.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);

    public string? SmtpHost { get; set; }

    /// <summary><c>Smtp:Port</c>: 587 (submission with STARTTLS). Azure blocks outbound 25 from Functions without a VNet.</summary>
    public int SmtpPort { get; set; } = 587;

    /// <summary><c>Smtp:Tls</c>: StartTls (default), SslOnConnect (465) or None (a trusted relay only).</summary>
    public SmtpTls SmtpTls { get; set; } = SmtpTls.StartTls;

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }
}
