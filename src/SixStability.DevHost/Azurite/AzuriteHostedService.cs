using SixStability.Infrastructure.Storage;

namespace SixStability.DevHost.Azurite;

/// <summary>
/// Makes sure storage answers before the app serves: if the configured account is a local emulator
/// and nothing listens on its ports, starts Azurite (data in .devdata/azurite) and stops it at exit.
/// </summary>
internal sealed partial class AzuriteHostedService(IOptions<StorageOptions> storage, ILogger<AzuriteHostedService> logger) : IHostedService, IAsyncDisposable
{
    private AzuriteProcess? started;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        StorageOptions options = storage.Value;
        StorageEndpoints? endpoints = options.TableServiceUri is not null && string.IsNullOrEmpty(options.ConnectionString)
            ? null // identity-based: a real account, not ours to start
            : StorageEndpoints.FromConnectionString(options.ConnectionString ?? "UseDevelopmentStorage=true");
        if (endpoints is null)
        {
            return;
        }

        int answering = 0;
        foreach (int port in endpoints.Ports)
        {
            answering += await AzuriteProcess.AnswersAsync(port, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        if (answering == 3)
        {
            LogUsingRunning(logger, endpoints.TablePort);
            return;
        }

        if (answering > 0)
        {
            throw new InvalidOperationException($"存储端口 {string.Join("/", endpoints.Ports)} 只有部分在监听：请停止占用这些端口的程序，或启动完整的 Azurite。");
        }

        string data = Path.Combine(RepositoryRoot.Find() ?? Environment.CurrentDirectory, ".devdata", "azurite");
        started = await AzuriteProcess.StartAsync(endpoints, data, Console.Error, cancellationToken).ConfigureAwait(false);
        LogStarted(logger, endpoints.TablePort, data);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (started is not null)
        {
            await started.DisposeAsync().ConfigureAwait(false);
            started = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Using the storage emulator already listening (table port {Port})")]
    private static partial void LogUsingRunning(ILogger logger, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started Azurite (table port {Port}, data in {Folder}); it stops with the DevHost")]
    private static partial void LogStarted(ILogger logger, int port, string folder);
}
