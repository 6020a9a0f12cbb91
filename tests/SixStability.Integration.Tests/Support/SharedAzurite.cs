using SixStability.DevHost.Azurite;

namespace SixStability.Integration.Tests.Support;

/// <summary>
/// One in-memory Azurite for the whole test run, on free ports so it never meets a developer's own
/// emulator. Tests stay apart by table prefix, not by emulator.
/// </summary>
internal static class SharedAzurite
{
    private static readonly Lazy<Task<AzuriteProcess>> Instance = new(StartAsync);

    public static async Task<string> ConnectionStringAsync() => (await Instance.Value).Endpoints.ConnectionString;

    private static async Task<AzuriteProcess> StartAsync()
    {
        var endpoints = StorageEndpoints.OnFreePorts();
        AzuriteProcess azurite = await AzuriteProcess.StartAsync(endpoints, dataFolder: null, TextWriter.Null, CancellationToken.None);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return azurite;
    }
}
