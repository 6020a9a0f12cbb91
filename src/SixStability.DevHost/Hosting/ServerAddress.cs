using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace SixStability.DevHost.Hosting;

/// <summary>Where this DevHost listens, as a browser on this machine reaches it (known once it serves).</summary>
internal static class ServerAddress
{
    /// <summary>The first listening address with a wildcard host made 127.0.0.1, without a trailing slash; null before it serves.</summary>
    public static string? Self(IServer? server) =>
        server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } address
            ? address.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal).Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal).TrimEnd('/')
            : null;
}
