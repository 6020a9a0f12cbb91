namespace SixStability.Infrastructure.Configuration;

/// <summary>
/// An App Service / Functions Key Vault reference (<c>@Microsoft.KeyVault(SecretUri=…)</c> or
/// <c>@Microsoft.KeyVault(VaultName=…;SecretName=…)</c>). When the platform cannot resolve one (the secret
/// does not exist yet, the identity has no access, the app has not re-read it since the secret was set)
/// the app receives the reference text itself as the value.
/// </summary>
public static class KeyVaultReference
{
    private const string Prefix = "@Microsoft.KeyVault(";

    public static bool IsUnresolved(string? value) =>
        value is not null && value.TrimStart().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The secret the reference names, or null when it cannot be read from the text.</summary>
    public static string? SecretName(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        string body = reference.Trim();
        body = body[Math.Min(Prefix.Length, body.Length)..].TrimEnd(')');
        foreach (string part in body.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                continue;
            }

            string key = part[..eq].Trim();
            string value = part[(eq + 1)..].Trim();
            if (key.Equals("SecretName", StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }

            // https://{vault}.vault.azure.net/secrets/{name}/{version?}
            if (key.Equals("SecretUri", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(value, UriKind.Absolute, out Uri? uri)
                && uri.Segments is [_, "secrets/", var name, ..])
            {
                return name.TrimEnd('/');
            }
        }

        return null;
    }
}
