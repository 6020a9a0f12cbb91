using System.Text;

namespace SixStability.Workflow.Access;

/// <summary>
/// Reads <c>X-MS-CLIENT-PRINCIPAL</c>, the principal App Service Authentication puts in each request it
/// authenticated (Base64 JSON: <c>auth_typ</c>, <c>claims[{typ, val}]</c>, <c>name_typ</c>, <c>role_typ</c>).
/// Only the Function app calls this, and only when the platform's authentication is on for the app: the
/// platform then removes the header from what clients send, so its presence is the platform's word.
/// </summary>
public static class ClientPrincipalHeader
{
    public const string Name = "X-MS-CLIENT-PRINCIPAL";

    private const int MaxLength = 32 * 1024;

    private static readonly string[] IdClaims = ["http://schemas.microsoft.com/identity/claims/objectidentifier", "oid"];
    private static readonly string[] NameClaims = ["name", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name"];
    private static readonly string[] EmailClaims = ["preferred_username", "email", "upn", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"];
    private static readonly string[] RoleClaims = ["roles", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"];

    /// <summary>The person, or null when the value is missing, malformed, or not from Microsoft Entra ID (<c>aad</c>).</summary>
    public static SignedInPerson? Read(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxLength)
        {
            return null;
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(value.Trim())));
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "auth_typ") is not "aad" || !root.TryGetProperty("claims", out JsonElement claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            List<(string Type, string Value)> all = [.. claims.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object)
                .Select(c => (Type: Text(c, "typ") ?? string.Empty, Value: Text(c, "val") ?? string.Empty))
                .Where(c => c.Type.Length > 0 && c.Value.Length > 0)];
            string? roleType = Text(root, "role_typ");
            string? nameType = Text(root, "name_typ");
            string? id = First(all, IdClaims);
            if (id is null)
            {
                return null;
            }

            string? email = First(all, EmailClaims);
            string name = First(all, NameClaims) ?? (nameType is null ? null : First(all, [nameType])) ?? email ?? id;
            string[] roles = [.. all.Where(c => RoleClaims.Contains(c.Type, StringComparer.Ordinal) || c.Type == roleType).Select(c => c.Value).Distinct(StringComparer.Ordinal)];
            return new SignedInPerson(id, name, email, roles);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? First(List<(string Type, string Value)> claims, string[] types) =>
        types.Select(t => claims.FirstOrDefault(c => string.Equals(c.Type, t, StringComparison.Ordinal)).Value).FirstOrDefault(v => !string.IsNullOrEmpty(v));
}
