using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Options;
using SixStability.Infrastructure.Storage;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;
using DtfxActivity = DurableTask.Core.TaskActivity;

namespace SixStability.DevHost.Durable;

/// <summary>
/// The durable engine DevHost runs without the Functions host: DTFx's Azure Storage backend over
/// Azurite, running the same <see cref="CycleOrchestrator"/> and activities through the
/// Microsoft.DurableTask shim. A fixed worker id lets a restarted DevHost take its leases back at
/// once, so a cycle killed mid-way continues where it stopped.
/// </summary>
internal sealed partial class EmbeddedDurableEngine(IOptions<StorageOptions> storage, IServiceProvider services, ILoggerFactory loggers, IConfiguration configuration)
    : IHostedService, ICycleClient, IDisposable
{
    private static readonly SystemTextJsonConverter Converter = new();

    private AzureStorageOrchestrationService? service;
    private TaskHubWorker? worker;
    private TaskHubClient? client;

    private TaskHubClient Client => client ?? throw new InvalidOperationException("The durable engine is not started.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        string hub = configuration["Durable:TaskHub"] is { Length: > 0 } name ? name : "SixStability" + storage.Value.TablePrefix;
        service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = hub,
            StorageAccountClientProvider = new StorageAccountClientProvider(storage.Value.ConnectionString ?? "UseDevelopmentStorage=true"),
            WorkerId = configuration["Durable:WorkerId"] is { Length: > 0 } id ? id : "devhost",
            MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
            PartitionCount = 1,
            LoggerFactory = loggers,
        });
        await service.CreateIfNotExistsAsync().ConfigureAwait(false);

        var shim = new DurableTaskShimFactory(null, loggers);
        worker = new TaskHubWorker(service, loggers);
        worker.AddTaskOrchestrations(new Creator<TaskOrchestration>(nameof(CycleOrchestrator), () => shim.CreateOrchestration(nameof(CycleOrchestrator), new CycleOrchestrator(), default(ParentOrchestrationInstance))));
        worker.AddTaskActivities(CycleTasks.Activities
            .Select(type => new Creator<DtfxActivity>(type.Name, () => shim.CreateActivity(type.Name, (ITaskActivity)services.GetRequiredService(type))))
            .ToArray());
        await worker.StartAsync().ConfigureAwait(false);
        client = new TaskHubClient(service, Converter, loggers);
        ILogger logger = loggers.CreateLogger<EmbeddedDurableEngine>();
        LogStarted(logger, hub);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (worker is not null)
        {
            await worker.StopAsync(isForced: true).ConfigureAwait(false);
            worker = null;
        }
    }

    public void Dispose()
    {
        worker?.Dispose();
        service?.Dispose();
    }

    public async Task<bool> TryScheduleAsync(CycleInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            await Client.CreateOrchestrationInstanceAsync(nameof(CycleOrchestrator), string.Empty, input.CycleId, input).ConfigureAwait(false);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }

    public async Task<CycleInstance?> GetAsync(string cycleId, CancellationToken cancellationToken)
    {
        OrchestrationState? state = await Client.GetOrchestrationStateAsync(cycleId).ConfigureAwait(false);
        return state is null
            ? null
            : new CycleInstance(
                state.OrchestrationStatus.ToString(),
                string.IsNullOrEmpty(state.Status) ? null : JsonDataConverter.Default.Deserialize<CycleProgress>(state.Status),
                new DateTimeOffset(DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc)),
                new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc)),
                state.OrchestrationStatus == OrchestrationStatus.Failed ? state.FailureDetails?.ErrorMessage ?? state.Output : null);
    }

    public Task RaiseAsync(string cycleId, CycleCommand command, CancellationToken cancellationToken) =>
        Client.RaiseEventAsync(new OrchestrationInstance { InstanceId = cycleId }, CycleOrchestrator.CommandEvent, command);

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable engine started on Azure Storage (task hub {Hub})")]
    private static partial void LogStarted(ILogger logger, string hub);

    /// <summary>DTFx asks for a factory per registered name; ours hands out a shim around our class.</summary>
    private sealed class Creator<T> : ObjectCreator<T>
    {
        private readonly Func<T> create;

        public Creator(string name, Func<T> create)
        {
            Name = name;
            Version = string.Empty;
            this.create = create;
        }

        public override T Create() => create();
    }
}
