using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace SixStability.Core.Links;

/// <summary>
/// A unit's signed link: HMAC-SHA256 over (unit, cycle, purpose, expiry). It grants that unit's
/// obligations in that cycle and nothing else. Keys rotate: a token signed with the previous key
/// stays valid until it expires.
/// </summary>
public static class LinkTokens
{
    public const string UnitPurpose = "unit";

    public static string Sign(LinkClaims claims, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(key);
        string payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Wire(claims.Unit, claims.Cycle, claims.Purpose, claims.Expires.ToUnixTimeSeconds())));
        return payload + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(payload)));
    }

    /// <summary>
    /// How far ahead a genuine token's expiry may lie. Links are signed to expire a month after their cycle
    /// closes (weeks ahead; months with extensions): a signed expiry beyond this is refused, not trusted.
    /// </summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(400);

    private const int MacBytes = 32;

    private const int MacChars = 43;

    /// <summary>
    /// The claims of a genuine, unexpired token; null for anything else (tampered, expired, malformed,
    /// or an expiry beyond <see cref="MaxLifetime"/>). The MAC is checked before a byte of the payload is
    /// parsed, so a stranger's input never reaches the JSON reader; nothing here throws.
    /// </summary>
    public static LinkClaims? Verify(string? token, DateTimeOffset now, params byte[][] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (string.IsNullOrEmpty(token) || token.Length > 1024)
        {
            return null;
        }

        int dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !IsBase64Url(token.AsSpan(0, dot)) || !IsBase64Url(token.AsSpan(dot + 1)))
        {
            return null;
        }

        // An HMAC-SHA256 is 32 bytes: 43 base64url characters, no more, no less.
        string payload = token[..dot];
        if (token.Length - dot - 1 != MacChars || MacOf(token.AsSpan(dot + 1)) is not { } signature)
        {
            return null;
        }

        byte[] signed = Encoding.ASCII.GetBytes(payload);
        if (!keys.Where(k => k is { Length: > 0 }).Any(k => CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(k, signed), signature)))
        {
            return null;
        }

        // Genuine: we wrote this payload. It is still read defensively, since an old or buggy signer may have.
        Wire? wire;
        try
        {
            wire = JsonSerializer.Deserialize<Wire>(Base64Url.DecodeFromChars(payload));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }

        if (wire is null || string.IsNullOrEmpty(wire.U) || string.IsNullOrEmpty(wire.C))
        {
            return null;
        }

        // In whole seconds, where nothing can overflow: DateTimeOffset itself ends at 9999-12-31.
        long nowSeconds = now.ToUnixTimeSeconds();
        return wire.E <= nowSeconds || wire.E > nowSeconds + (long)MaxLifetime.TotalSeconds
            ? null
            : new LinkClaims(wire.U, wire.C, wire.P ?? string.Empty, DateTimeOffset.FromUnixTimeSeconds(wire.E));
    }

    /// <summary>An expiry a signer may put in a token now: at most <see cref="MaxLifetime"/> ahead, so what it signs is accepted.</summary>
    public static DateTimeOffset BoundedExpiry(DateTimeOffset wanted, DateTimeOffset now) =>
        wanted - now <= MaxLifetime ? wanted
        : DateTimeOffset.MaxValue - now > MaxLifetime ? now + MaxLifetime
        : DateTimeOffset.MaxValue;

    /// <summary>The 32 bytes 43 characters encode; null when they do not (Base64Url throws, rather than answers false, on stray trailing bits).</summary>
    private static byte[]? MacOf(ReadOnlySpan<char> text)
    {
        byte[] mac = new byte[MacBytes];
        try
        {
            return Base64Url.TryDecodeFromChars(text, mac, out int length) && length == MacBytes ? mac : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool IsBase64Url(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Wire(string U, string C, string? P, long E);
}

public sealed record LinkClaims(string Unit, string Cycle, string Purpose, DateTimeOffset Expires);
