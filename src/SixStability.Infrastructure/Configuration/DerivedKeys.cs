using System.Security.Cryptography;

namespace SixStability.Infrastructure.Configuration;

/// <summary>
/// Keys for other purposes derived from <c>Links:SigningKey</c> (HKDF-SHA256, one label each): the same on
/// every instance of the app without another secret to store, and unrelated to the link key and to each other.
/// </summary>
public static class DerivedKeys
{
    public const string AntiForgery = "sixstability/anti-forgery/v1";

    public const string DevHostSession = "sixstability/devhost-session/v1";

    /// <summary>32 bytes for <paramref name="purpose"/>; empty when there is no signing key (the start-up checks refuse that).</summary>
    public static byte[] For(string? signingKey, string purpose) =>
        string.IsNullOrEmpty(signingKey)
            ? []
            : HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(signingKey), 32, salt: null, info: Encoding.UTF8.GetBytes(purpose));
}
