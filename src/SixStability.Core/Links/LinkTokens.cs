using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
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

    /// <summary>The claims of a genuine, unexpired token; null for anything else (tampered, expired, malformed).</summary>
    public static LinkClaims? Verify(string? token, DateTimeOffset now, params byte[][] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (string.IsNullOrEmpty(token) || token.Length > 1024)
        {
            return null;
        }

        int dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return null;
        }

        string payload = token[..dot];
        byte[] signature;
        Wire? wire;
        try
        {
            signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
            wire = JsonSerializer.Deserialize<Wire>(Base64Url.DecodeFromChars(payload));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }

        bool genuine = keys.Where(k => k is { Length: > 0 }).Any(k => CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(k, Encoding.ASCII.GetBytes(payload)), signature));
        if (!genuine || wire is null || string.IsNullOrEmpty(wire.U) || string.IsNullOrEmpty(wire.C))
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(wire.E);
        return expires <= now ? null : new LinkClaims(wire.U, wire.C, wire.P ?? string.Empty, expires);
    }

    private sealed record Wire(string U, string C, string? P, long E);
}

public sealed record LinkClaims(string Unit, string Cycle, string Purpose, DateTimeOffset Expires);
