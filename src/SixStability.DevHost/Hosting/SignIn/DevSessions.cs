using System.Buffers.Text;
using System.Security.Cryptography;
using SixStability.Infrastructure.Configuration;

namespace SixStability.DevHost.Hosting.SignIn;

/// <summary>
/// DevHost's signed session cookie for the local sign-in (demo and tests only). It exists only while DevHost
/// listens on loopback alone — the condition under which the published development keys are allowed
/// (<see cref="StartupHost.LoopbackOnly"/>) — and is read only from requests that come from this machine.
/// The cookie holds who was chosen and until when, with an HMAC (a key derived from <c>Links:SigningKey</c>),
/// so it cannot be edited; HttpOnly and SameSite=Lax (a link from a mail opens the board signed in; every
/// write still needs the page's anti-forgery token).
/// </summary>
internal sealed class DevSessions(IConfiguration configuration, TimeProvider clock)
{
    public const string Cookie = "sixstability-session";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    private readonly byte[] key = DerivedKeys.For(configuration["Links:SigningKey"], DerivedKeys.DevHostSession);

    /// <summary>The local sign-in is offered at all: only while every address DevHost listens on is loopback.</summary>
    public bool Enabled { get; } = StartupHost.DevHost(configuration).LoopbackOnly;

    /// <summary>Also per request: only this machine's browser signs in here.</summary>
    public bool Allows(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Enabled && key.Length > 0 && context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);
    }

    /// <summary>The signed-in person of a valid, unexpired session cookie; null otherwise.</summary>
    public SignedInPerson? Read(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string? cookie = context.Request.Cookies[Cookie];
        if (!Allows(context) || cookie is not { Length: > 0 and < 4096 } || cookie.Split('.') is not [var payload, var mac])
        {
            return null;
        }

        try
        {
            byte[] body = Base64Url.DecodeFromChars(payload);
            if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, body), Base64Url.DecodeFromChars(mac)))
            {
                return null;
            }

            Session? session = JsonSerializer.Deserialize<Session>(body);
            return session is not null && DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(session.Expires, 0, 253402300799)) > clock.GetUtcNow()
                ? new SignedInPerson(session.Id, session.Name, session.Email, [session.AppRole])
                : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>The Set-Cookie value signing <paramref name="person"/> in.</summary>
    public string Issue(SignedInPerson person)
    {
        ArgumentNullException.ThrowIfNull(person);
        long expires = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds();
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(new Session(person.Id, person.Name, person.Email ?? string.Empty, person.AppRoles.Single(), expires));
        string value = Base64Url.EncodeToString(body) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, body));
        return $"{Cookie}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={(int)Lifetime.TotalSeconds}";
    }

    public static string Clear => $"{Cookie}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0";

    private sealed record Session(string Id, string Name, string Email, string AppRole, long Expires);
}
