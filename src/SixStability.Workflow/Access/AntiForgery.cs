using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SixStability.Workflow.Access;

/// <summary>
/// The anti-forgery token of signed-in pages (a signed double-submit): a random value in a cookie of its own
/// (HttpOnly, SameSite=Strict), and on the page an HMAC of that value and the person's id, which the page's
/// script sends back in <c>X-CSRF-Token</c> with every write. Another site can make a browser send the
/// cookies, but can neither read the page nor compute the HMAC, so a forged write lacks the token. The same
/// on both hosts: it needs no server state, only <see cref="AccessOptions.TokenKey"/>.
/// </summary>
public sealed class AntiForgery(IOptions<AccessOptions> options)
{
    public const string Header = "X-CSRF-Token";

    /// <summary>The field a form carries it in (DevHost's sign-out).</summary>
    public const string Field = "csrf";

    private const string PlainCookie = "sixstability-af";

    // __Host-: only over HTTPS, for this host, path / — a sibling subdomain cannot plant it.
    private const string SecureCookie = "__Host-sixstability-af";

    private readonly byte[] key = options.Value.TokenKey;

    /// <summary>The token for a page about to be shown, and the cookie to set with it when the browser had none.</summary>
    public (string Token, string? SetCookie) ForPage(HttpRequest request, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        string? nonce = Nonce(request);
        string? setCookie = null;
        if (nonce is null)
        {
            nonce = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
            bool secure = IsHttps(request);
            setCookie = $"{(secure ? SecureCookie : PlainCookie)}={nonce}; Path=/; HttpOnly; SameSite=Strict{(secure ? "; Secure" : string.Empty)}";
        }

        return (Token(nonce, actor.Id), setCookie);
    }

    /// <summary>True when <paramref name="given"/> is the token of this browser's cookie and this person.</summary>
    public bool IsValid(HttpRequest request, Actor actor, string? given)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        return Nonce(request) is { } nonce
            && !string.IsNullOrEmpty(given)
            && key.Length > 0
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Token(nonce, actor.Id)), Encoding.ASCII.GetBytes(given));
    }

    /// <summary>The request's HTTPS as the client saw it: Azure's front end ends TLS and says so in <c>X-Forwarded-Proto</c>.</summary>
    public static bool IsHttps(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.IsHttps || request.Headers["X-Forwarded-Proto"].ToString().Contains("https", StringComparison.OrdinalIgnoreCase);
    }

    private static string? Nonce(HttpRequest request)
    {
        string? value = request.Cookies[IsHttps(request) ? SecureCookie : PlainCookie];
        return value is { Length: >= 16 and <= 100 } ? value : null;
    }

    private string Token(string nonce, string actorId)
    {
        if (key.Length == 0)
        {
            throw new InvalidOperationException("防伪令牌密钥未配置（由 Links:SigningKey 派生）。");
        }

        return Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"af|{nonce}|{actorId}")));
    }
}
