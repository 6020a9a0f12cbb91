using System.Net.Sockets;

namespace SixStability.DevHost.Azurite;

/// <summary>Free loopback ports, for hosts that must not clash with a developer's own (tests, benchmarks).</summary>
internal static class LoopbackPorts
{
    /// <summary>A port the OS just handed out and released; another process could take it first, which is rare enough here.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
