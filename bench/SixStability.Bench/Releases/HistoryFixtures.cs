using DurableTask.AzureStorage;
using DurableTask.Core;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SixStability.Bench.Releases;

/// <summary>
/// Reads a cycle's orchestration history from DevHost's task hub (DTFx Azure Storage over Azurite) and
/// writes it as a replay fixture: the events exactly as DTFx returns them, in an envelope that says
/// what was recorded, from which build, and the orchestration version the cycle started with.
/// tests/SixStability.Integration.Tests/Cycles/Replay replays every fixture against the current code.
/// </summary>
internal static class HistoryFixtures
{
    public static async Task<JArray> ReadAsync(string storage, string taskHub, string instanceId)
    {
        using var service = new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = taskHub,
            StorageAccountClientProvider = new StorageAccountClientProvider(storage),
        });
        IList<OrchestrationState> states = await service.GetOrchestrationStateAsync(instanceId, allExecutions: false);
        OrchestrationState state = states.SingleOrDefault() ?? throw new InvalidOperationException($"No orchestration {instanceId} in task hub {taskHub}.");
        string history = await service.GetOrchestrationHistoryAsync(instanceId, state.OrchestrationInstance.ExecutionId);
        return JArray.Parse(history);
    }

    public static async Task<string> WriteAsync(string folder, string scenario, string description, string recordedFrom, string storage, string taskHub, string instanceId)
    {
        JArray events = await ReadAsync(storage, taskHub, instanceId);
        string version = events.OfType<JObject>().FirstOrDefault(e => (string?)e["EventType"] is "ExecutionStarted" or "0")?["Version"]?.ToString() ?? string.Empty;
        var fixture = new JObject
        {
            ["scenario"] = scenario,
            ["description"] = description,
            ["orchestration"] = "CycleOrchestrator",
            ["version"] = version,
            ["recordedFrom"] = recordedFrom,
            ["recordedAt"] = DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["events"] = events,
        };
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, scenario + ".json");
        await File.WriteAllTextAsync(path, fixture.ToString(Formatting.Indented) + "\n");
        return path;
    }
}
