using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using DurableTask.Core.Settings;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker.Shims;
using SixStability.Infrastructure.Storage;
using SixStability.Workflow.Cycles;
using DtfxActivity = DurableTask.Core.TaskActivity;

namespace SixStability.DevHost.Durable;

/// <summary>
/// The durable engine DevHost runs without the Functions host: DTFx's Azure Storage backend over
/// Azurite, running the same <see cref="CycleOrchestrator"/> and activities through the
/// Microsoft.DurableTask shim. A fixed worker id lets a restarted DevHost take its leases back at
/// once, so a cycle killed mid-way continues where it stopped.
/// Versions work as on the Functions host: new cycles start with <see cref="CycleOrchestratorVersions.Current"/>,
/// the worker takes only orchestrations of that version or older (DTFx VersioningSettings, CurrentOrOlder,
/// Reject: a newer cycle waits for a newer build instead of failing), and the orchestrator and its
/// activities are registered under every accepted version, because DTFx looks a task up by (name,
/// version) and the Microsoft.DurableTask shim schedules activities with the orchestration's version.
/// </summary>
internal sealed partial class EmbeddedDurableEngine(IOptions<StorageOptions> storage, IServiceProvider services, ILoggerFactory loggers, IConfiguration configuration)
    : IHostedService, ICycleClient, IOrchestrationHistory, IDisposable
{
    private static readonly SystemTextJsonConverter Converter = new();

    private AzureStorageOrchestrationService? service;
    private TaskHubWorker? worker;
    private TaskHubClient? client;

    private TaskHubClient Client => client ?? throw new InvalidOperationException("The durable engine is not started.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        string hub = configuration["Durable:TaskHub"] is { Length: > 0 } name ? name : "SixStability" + storage.Value.TablePrefix;

        // A message this process dequeued and never finished (it stopped, or was killed, in between) stays hidden
        // for this long before a restarted DevHost can take it; DTFx's 5 minutes stalled a restarted cycle that long.
        // DTFx renews the visibility of the messages it is working on, so a long step is not taken twice.
        TimeSpan visibility = configuration.GetValue("Durable:MessageVisibility", TimeSpan.FromSeconds(30));
        service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = hub,
            StorageAccountClientProvider = new StorageAccountClientProvider(storage.Value.ConnectionString ?? "UseDevelopmentStorage=true"),
            WorkerId = configuration["Durable:WorkerId"] is { Length: > 0 } id ? id : "devhost",
            MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
            ControlQueueVisibilityTimeout = visibility,
            WorkItemQueueVisibilityTimeout = visibility,
            PartitionCount = 1,
            LoggerFactory = loggers,
        });
        await service.CreateIfNotExistsAsync().ConfigureAwait(false);

        var shim = new DurableTaskShimFactory(null, loggers);
        worker = new TaskHubWorker(service, new VersioningSettings
        {
            Version = CycleOrchestratorVersions.Current,
            MatchStrategy = VersioningSettings.VersionMatchStrategy.CurrentOrOlder,
            FailureStrategy = VersioningSettings.VersionFailureStrategy.Reject,
        }, loggers);
        worker.AddTaskOrchestrations([.. CycleOrchestratorVersions.Accepted
            .Select(version => new Creator<TaskOrchestration>(nameof(CycleOrchestrator), version, () => shim.CreateOrchestration(nameof(CycleOrchestrator), new CycleOrchestrator(), default(ParentOrchestrationInstance))))]);
        worker.AddTaskActivities([.. CycleOrchestratorVersions.Accepted.SelectMany(version => CycleTasks.Activities
            .Select(type => new Creator<DtfxActivity>(type.Name, version, () => shim.CreateActivity(type.Name, (ITaskActivity)services.GetRequiredService(type)))))]);
        await worker.StartAsync().ConfigureAwait(false);

        // Keep each activity's input in the history, as host.json's storeInputsInOrchestrationHistory does on
        // Functions: replay fixtures then hold the inputs old cycles sent (tests read them back), and a
        // failed step shows what it was asked to do.
        worker.TaskOrchestrationDispatcher.IncludeParameters = true;
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
            await Client.CreateOrchestrationInstanceAsync(nameof(CycleOrchestrator), CycleOrchestratorVersions.Current, input.CycleId, input).ConfigureAwait(false);
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

    /// <summary>DTFx Azure Storage deletes the instance row, its history rows and its large-message blobs.</summary>
    public async Task<int> PurgeAsync(string cycleId, CancellationToken cancellationToken) =>
        (await (service ?? throw new InvalidOperationException("The durable engine is not started.")).PurgeInstanceHistoryAsync(cycleId).ConfigureAwait(false)).InstancesDeleted;

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable engine started on Azure Storage (task hub {Hub})")]
    private static partial void LogStarted(ILogger logger, string hub);

    /// <summary>DTFx asks for a factory per registered name; ours hands out a shim around our class.</summary>
    private sealed class Creator<T> : ObjectCreator<T>
    {
        private readonly Func<T> create;

        public Creator(string name, string version, Func<T> create)
        {
            Name = name;
            Version = version;
            this.create = create;
        }

        public override T Create() => create();
    }
}
