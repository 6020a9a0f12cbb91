using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace SixStability.Infrastructure.Configuration;

/// <summary>
/// Which host is starting, as the start-up checks need to know it: DevHost or the Function app (both check the
/// admin key scripts send, since people sign in and the Functions host's own keys gate no route) and, for
/// DevHost, where it listens.
/// </summary>
/// <param name="IsDevHost">DevHost, which alone may post group robots to its own sink (<c>devhost</c>).</param>
public sealed partial record StartupHost(string Name, bool IsDevHost, IReadOnlyList<string> ListenUrls)
{
    /// <summary>The Function app: never the demo, never a test host; it never accepts the published development keys.</summary>
    public static StartupHost Functions { get; } = new("函数应用", IsDevHost: false, ListenUrls: []);

    /// <summary>
    /// True only when every address the host listens on is loopback: then nobody else can reach it, and
    /// the published development keys protect nothing worth protecting (the demo, the tests, a newcomer's
    /// <c>dotnet run</c>). An empty list (the Function app) is never loopback-only.
    /// </summary>
    public bool LoopbackOnly => ListenUrls.Count > 0 && ListenUrls.All(IsLoopback);

    /// <summary>DevHost, listening where its configuration says: <c>urls</c> (also <c>ASPNETCORE_URLS</c>) and Kestrel endpoints.</summary>
    public static StartupHost DevHost(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        IEnumerable<string> urls = (configuration["urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        IEnumerable<string> endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => e["Url"])
            .OfType<string>();
        return new StartupHost("DevHost", IsDevHost: true, [.. urls.Concat(endpoints)]);
    }

    /// <summary><c>http://localhost:7071</c>, <c>http://127.0.0.1:…</c>, <c>http://[::1]:…</c>; not <c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c> or a name.</summary>
    public static bool IsLoopback(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        Match match = HostOfUrl().Match(url.Trim());
        if (!match.Success)
        {
            return false;
        }

        string host = match.Groups["host"].Value.Trim('[', ']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out IPAddress? address) && IPAddress.IsLoopback(address));
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*://(?<host>\[[^\]]*\]|[^:/]+)(:\d+)?(/.*)?$")]
    private static partial Regex HostOfUrl();
}
