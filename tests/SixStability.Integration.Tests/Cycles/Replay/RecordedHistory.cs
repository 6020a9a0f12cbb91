using DurableTask.Core.History;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SixStability.Integration.Tests.Cycles.Replay;

/// <summary>
/// One replay fixture: the full orchestration history of a real cycle, as DTFx's Azure Storage backend
/// returned it on DevHost (scripts/record-replay-fixtures.sh), in an envelope naming the scenario, the
/// build that ran it and the orchestration version it started with. Fixtures of supported versions are
/// never edited: they are what running cycles of that version hold.
/// </summary>
internal sealed class RecordedHistory
{
    private static readonly JsonSerializer Json = JsonSerializer.Create(new JsonSerializerSettings { DateParseHandling = DateParseHandling.DateTime, DateTimeZoneHandling = DateTimeZoneHandling.Utc });

    private readonly JArray events;

    private RecordedHistory(string file, JObject fixture)
    {
        File = file;
        Scenario = (string)fixture["scenario"]!;
        Version = (string?)fixture["version"] ?? string.Empty;
        RecordedFrom = (string?)fixture["recordedFrom"] ?? "?";
        events = (JArray)fixture["events"]!;
    }

    /// <summary>The folder and file, e.g. v1/demo.json.</summary>
    public string File { get; }

    public string Scenario { get; }

    /// <summary>The orchestration version in its ExecutionStarted event ("" for cycles started before versions).</summary>
    public string Version { get; }

    public string RecordedFrom { get; }

    /// <summary>Every fixture under Cycles/Replay (copied to the test output), by relative path.</summary>
    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Folder, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static RecordedHistory Load(string relative) =>
        new(relative, JObject.Parse(System.IO.File.ReadAllText(Path.Combine(Folder, relative))));

    /// <summary>Fresh event objects every time: replaying marks events as played.</summary>
    public IReadOnlyList<HistoryEvent> Events() => [.. events.Cast<JObject>().Select(ToEvent)];

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Cycles", "Replay");

    private static HistoryEvent ToEvent(JObject e)
    {
        var type = (EventType)(int)e["EventType"]!;
        Type clr = typeof(HistoryEvent).Assembly.GetType($"DurableTask.Core.History.{type}Event")
            ?? throw new NotSupportedException($"No DTFx history event class for {type}.");
        return (HistoryEvent)e.ToObject(clr, Json)!;
    }
}
