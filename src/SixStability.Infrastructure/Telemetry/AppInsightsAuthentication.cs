using Azure.Core;
using Azure.Identity;

namespace SixStability.Infrastructure.Telemetry;

/// <summary>
/// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> (<c>Authorization=AAD;ClientId=…</c>): telemetry sent
/// with the app's managed identity, so Application Insights can keep local (key) authentication off. The
/// Functions host reads it for its own telemetry; Azure.Monitor.OpenTelemetry.Exporter 1.8.3 does not (the
/// name is nowhere in the assembly), so the worker turns it into the exporter's credential itself.
/// </summary>
public sealed record AppInsightsAuthentication(string? ClientId)
{
    public const string Setting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>
    /// Not set: <paramref name="authentication"/> is null and telemetry uses the connection string alone.
    /// False when the text is set but is not <c>Authorization=AAD</c> with an optional <c>ClientId</c>.
    /// </summary>
    public static bool TryParse(string? value, out AppInsightsAuthentication? authentication)
    {
        authentication = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !parts.TryAdd(part[..eq].Trim(), part[(eq + 1)..].Trim()))
            {
                return false;
            }
        }

        if (!parts.TryGetValue("Authorization", out string? kind) || !kind.Equals("AAD", StringComparison.OrdinalIgnoreCase)
            || parts.Keys.Any(k => !k.Equals("Authorization", StringComparison.OrdinalIgnoreCase) && !k.Equals("ClientId", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        string? clientId = parts.TryGetValue("ClientId", out string? id) && id.Length > 0 ? id : null;
        if (clientId is not null && !Guid.TryParse(clientId, out _))
        {
            return false;
        }

        authentication = new AppInsightsAuthentication(clientId);
        return true;
    }

    /// <summary>The user-assigned identity named by ClientId, or the system-assigned one.</summary>
    public TokenCredential ToCredential() =>
        new ManagedIdentityCredential(ClientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(ClientId));
}
