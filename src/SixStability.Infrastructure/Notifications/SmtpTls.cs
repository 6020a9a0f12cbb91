using MailKit.Security;

namespace SixStability.Infrastructure.Notifications;

/// <summary>
/// <c>Smtp:Tls</c>: how the SMTP connection is protected. The default, STARTTLS on port 587, is what
/// relays expect from an app (Azure blocks outbound port 25 from Functions without a VNet).
/// </summary>
public enum SmtpTls
{
    /// <summary>Plain connection upgraded with STARTTLS; refused if the server does not offer it (587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (465).</summary>
    SslOnConnect,

    /// <summary>No TLS: only for a relay on the same trusted network, or a test server.</summary>
    None,
}

/// <summary>Reading <c>Smtp:Tls</c> and mapping it to MailKit.</summary>
public static class SmtpTlsSetting
{
    /// <summary>Names only (case-insensitive), never numbers: "1" is not a mode.</summary>
    public static bool TryParse(string? value, out SmtpTls tls)
    {
        tls = SmtpTls.StartTls;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        return !char.IsAsciiDigit(value.Trim()[0]) && Enum.TryParse(value.Trim(), ignoreCase: true, out tls) && Enum.IsDefined(tls);
    }

    public static SecureSocketOptions ToMailKit(this SmtpTls tls) => tls switch
    {
        SmtpTls.StartTls => SecureSocketOptions.StartTls,
        SmtpTls.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.None,
    };
}
