using SixStability.Core.Links;

namespace SixStability.Infrastructure.Links;

/// <summary>Signs a unit's link with <c>Links:SigningKey</c>; verifies with it or the previous key.</summary>
public sealed class HmacLinkSigner(IOptions<LinkOptions> options, TimeProvider clock) : ILinkSigner, ILinkVerifier
{
    private readonly LinkOptions settings = options.Value;

    /// <summary>The expiry is held to <see cref="LinkTokens.MaxLifetime"/> from now, which is what verification accepts; a later mail carries a fresh link.</summary>
    public Uri UnitLink(string unitId, string cycleId, DateTimeOffset expires)
    {
        var claims = new LinkClaims(unitId, cycleId, LinkTokens.UnitPurpose, LinkTokens.BoundedExpiry(expires, clock.GetUtcNow()));
        string token = LinkTokens.Sign(claims, Key(settings.SigningKey)
            ?? throw new InvalidOperationException("Links:SigningKey 未配置：无法生成单位的专属链接。"));
        return new Uri(settings.BaseUrl, $"u?t={Uri.EscapeDataString(token)}");
    }

    public LinkClaims? Verify(string? token, DateTimeOffset now) =>
        LinkTokens.Verify(token, now, new[] { Key(settings.SigningKey), Key(settings.PreviousSigningKey) }.OfType<byte[]>().ToArray());

    private static byte[]? Key(string? text) => string.IsNullOrEmpty(text) ? null : Encoding.UTF8.GetBytes(text);
}
