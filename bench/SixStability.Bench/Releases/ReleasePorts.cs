using System.Globalization;
using SixStability.DevHost.Azurite;

namespace SixStability.Bench.Releases;

/// <summary>
/// The ports the release benches use. Free ports by default, so a newcomer's DevHost and Azurite on
/// 7071 and 10000–10002 keep running; a machine shared with others can pin them with
/// <c>RELEASE_DEVHOST_PORT</c> (the DevHost builds take turns on it) and <c>RELEASE_AZURITE_PORTS</c>
/// (blob,queue,table, e.g. <c>10400,10401,10402</c>).
/// </summary>
internal static class ReleasePorts
{
    public static int DevHost() =>
        Environment.GetEnvironmentVariable("RELEASE_DEVHOST_PORT") is { Length: > 0 } port
            ? int.Parse(port, CultureInfo.InvariantCulture)
            : LoopbackPorts.Free();

    public static StorageEndpoints Azurite()
    {
        if (Environment.GetEnvironmentVariable("RELEASE_AZURITE_PORTS") is not { Length: > 0 } ports)
        {
            return StorageEndpoints.OnFreePorts();
        }

        int[] p = [.. ports.Split(',', StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
        return p.Length == 3
            ? new StorageEndpoints(p[0], p[1], p[2])
            : throw new ArgumentException("RELEASE_AZURITE_PORTS 应为三个端口（blob,queue,table），例如 10400,10401,10402。");
    }
}
