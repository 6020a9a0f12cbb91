using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SixStability.Workflow.Access;

/// <summary>
/// Turns what a host established about a request into a <see cref="Caller"/>: the admin key if one came
/// (a wrong key is never overlooked in favour of a session), else the signed-in person with their app roles
/// mapped (<c>Auth:Roles:*</c>). No I/O: which units a 分管领导 reads is worked out per cycle (<see cref="UnitScope"/>).
/// </summary>
public sealed class CallerResolver(IOptions<AccessOptions> options)
{
    /// <summary>The header scripts send the admin key in (the name the Functions host uses for its keys).</summary>
    public const string KeyHeader = "x-functions-key";

    private readonly AccessOptions settings = options.Value;

    public Caller Resolve(HttpRequest request, SignedInPerson? person, string? clientIp)
    {
        ArgumentNullException.ThrowIfNull(request);
        string key = request.Headers[KeyHeader].ToString();
        if (key.Length > 0)
        {
            return IsAdminKey(key) ? new Caller(CallerCredential.Key, Actor.Key(clientIp), clientIp) : new Caller(CallerCredential.WrongKey, null, clientIp);
        }

        if (person is null)
        {
            return Caller.Anonymous(clientIp);
        }

        List<Role> roles = [.. settings.AppRoles.Where(r => person.AppRoles.Contains(r.Value, StringComparer.OrdinalIgnoreCase)).Select(r => r.Key).Order()];
        return new Caller(CallerCredential.Session, new Actor(person.Id, person.Name, roles, ActorKind.Person, person.Email, clientIp), clientIp);
    }

    private bool IsAdminKey(string given) =>
        !string.IsNullOrEmpty(settings.AdminKey)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(settings.AdminKey)));
}
