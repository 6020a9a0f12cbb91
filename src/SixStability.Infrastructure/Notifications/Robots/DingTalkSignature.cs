using System.Security.Cryptography;

namespace SixStability.Infrastructure.Notifications.Robots;

/// <summary>
/// DingTalk's 加签: <c>timestamp</c> in milliseconds and <c>sign</c> = Base64(HMAC-SHA256(key = secret,
/// data = timestamp + "\n" + secret)), URL-encoded in the query. DingTalk refuses a timestamp more than an hour
/// from its own clock (errcode 310000).
/// </summary>
public static class DingTalkSignature
{
    /// <summary>The Base64 signature, before URL-encoding.</summary>
    public static string Sign(long timestampMs, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        byte[] key = Encoding.UTF8.GetBytes(secret);
        byte[] data = Encoding.UTF8.GetBytes(timestampMs.ToString(CultureInfo.InvariantCulture) + "\n" + secret);
        return Convert.ToBase64String(HMACSHA256.HashData(key, data));
    }

    /// <summary>The query string DingTalk expects after the access token: <c>&amp;timestamp=…&amp;sign=…</c>.</summary>
    public static string Query(long timestampMs, string secret) =>
        $"&timestamp={timestampMs.ToString(CultureInfo.InvariantCulture)}&sign={Uri.EscapeDataString(Sign(timestampMs, secret))}";

    /// <summary>True when <paramref name="sign"/> (already URL-decoded) is the signature of <paramref name="timestampMs"/> with <paramref name="secret"/>.</summary>
    public static bool Verify(long timestampMs, string sign, string secret)
    {
        ArgumentNullException.ThrowIfNull(sign);
        byte[] expected = Encoding.ASCII.GetBytes(Sign(timestampMs, secret));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(sign));
    }
}
