namespace SixStability.Workflow.Cycles;

/// <summary>
/// The versions of <see cref="CycleOrchestrator"/>. An orchestration keeps the version it was started
/// with for its whole life (the engine records it in the history's ExecutionStarted event and hands it
/// back as <c>context.Version</c> on every replay), so a release can change the step sequence for new
/// cycles while the cycles already running replay exactly what they did before.
/// Mechanism (README, "Releasing while cycles run"): the start request carries <see cref="Current"/>
/// on every host (Functions: <c>StartOrchestrationOptions.Version</c>, which needs
/// Worker.Extensions.DurableTask ≥ 1.5.0; DevHost: DTFx <c>CreateOrchestrationInstanceAsync(name, version, …)</c>),
/// host.json's <c>extensions.durableTask.defaultVersion</c> says the same (the Functions host rejects
/// work for versions newer than it, CurrentOrOlder), and the orchestrator branches on the version where
/// behaviour changed. Docs: learn.microsoft.com/azure/azure-functions/durable/durable-functions-orchestration-versioning.
/// </summary>
public static class CycleOrchestratorVersions
{
    /// <summary>
    /// The step sequence of the last release before versions (main 1dd228e: each step, then the queued group-robot
    /// messages on durable timers). Cycles started before versions were recorded (no version) run it too.
    /// </summary>
    public const string V1 = "1";

    /// <summary>V2 records on the cycle which orchestration version runs it, right after opening (the "version" step).</summary>
    public const string V2 = "2";

    /// <summary>The version new cycles start with. Keep host.json's defaultVersion equal (a test checks).</summary>
    public const string Current = V2;

    /// <summary>Versions this build can still replay, oldest first. Remove one only when no cycle of it is open (README).</summary>
    public static readonly IReadOnlyList<string> Supported = [V1, V2];

    /// <summary>What an engine may hand the orchestrator: the supported versions, and none at all for cycles started before versions existed.</summary>
    public static readonly IReadOnlyList<string> Accepted = [string.Empty, .. Supported];

    /// <summary>
    /// The version number an orchestration runs as: no version means <see cref="V1"/>. A version this
    /// build does not know (newer, or retired) throws, so the cycle fails loudly instead of silently
    /// taking another path; the coordinator can resume it once a build that knows it runs.
    /// </summary>
    public static int Number(string? version)
    {
        string effective = string.IsNullOrEmpty(version) ? V1 : version;
        return Supported.Contains(effective, StringComparer.Ordinal)
            ? int.Parse(effective, System.Globalization.CultureInfo.InvariantCulture)
            : throw new NotSupportedException($"本程序不支持编排版本“{version}”（支持 {string.Join("、", Supported)}）：请部署支持该版本的程序后恢复运行。");
    }

    /// <summary>The version a cycle record shows: cycles opened before versions were recorded ran V1.</summary>
    public static string Shown(string? recorded) => string.IsNullOrEmpty(recorded) ? V1 : recorded;
}
