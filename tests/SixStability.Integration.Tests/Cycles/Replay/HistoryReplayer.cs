using System.Globalization;
using System.Text.Json.Nodes;
using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging.Abstractions;

namespace SixStability.Integration.Tests.Cycles.Replay;

/// <summary>
/// Replays a recorded history against orchestrator code the way the engine does, one episode (wake-up)
/// at a time: DTFx's own <see cref="TaskOrchestrationExecutor"/> runs the code through the same
/// Microsoft.DurableTask shim DevHost uses, over an <see cref="OrchestrationRuntimeState"/> holding the
/// episodes before (replayed) and the episode's incoming events (new). What the code decides in that
/// episode must be what the history recorded after those events: the same activities in the same order
/// with the same inputs, the same timers firing at the same moment, the same end with the same result.
/// DTFx itself checks only names and kinds (a moved timer or a changed input replays "fine" and silently
/// takes another path), so this is stricter than the engine on purpose.
/// </summary>
internal static class HistoryReplayer
{
    private static readonly DurableTaskShimFactory Shim = new(null, NullLoggerFactory.Instance);

    /// <summary>Every difference between what <paramref name="orchestrator"/> decides and what the history recorded; empty when it replays.</summary>
    public static IReadOnlyList<string> Replay(RecordedHistory history, Func<ITaskOrchestrator> orchestrator)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(orchestrator);
        IReadOnlyList<HistoryEvent> all = history.Events();
        int[] starts = [.. all.Select((e, i) => (e, i)).Where(x => x.e.EventType == EventType.OrchestratorStarted).Select(x => x.i)];
        var problems = new List<string>();
        for (int k = 0; k < starts.Length; k++)
        {
            int end = k + 1 < starts.Length ? starts[k + 1] : all.Count;
            IReadOnlyList<HistoryEvent> events = history.Events(); // fresh objects: the executor marks what it played
            var state = new OrchestrationRuntimeState([.. events.Take(starts[k])]);
            HistoryEvent[] episode = [.. events.Skip(starts[k]).Take(end - starts[k])];
            foreach (HistoryEvent incoming in episode.Where(Incoming))
            {
                state.AddEvent(incoming);
            }

            HistoryEvent[] recorded = [.. episode.Where(Decided)];
            TaskOrchestration code = Shim.CreateOrchestration(state.Name, orchestrator(), default(ParentOrchestrationInstance));
            OrchestratorAction[] decided;
            try
            {
                decided = [.. new TaskOrchestrationExecutor(state, code, BehaviorOnContinueAsNew.Carryover, ErrorPropagationMode.UseFailureDetails).Execute().Actions];
            }
#pragma warning disable CA1031 // Any exception the code throws on replay is a finding, reported with the episode.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                problems.Add($"episode {k + 1}: the code threw {ex.GetType().Name}: {ex.Message}");
                break;
            }

            problems.AddRange(Compare(k + 1, decided, recorded));
            if (problems.Count > 0)
            {
                break; // later episodes build on this one
            }
        }

        return problems;
    }

    /// <summary>Events the engine hands the orchestrator (what woke it), as opposed to those its decisions wrote.</summary>
    private static bool Incoming(HistoryEvent e) => !Decided(e) && e.EventType != EventType.OrchestratorCompleted;

    private static bool Decided(HistoryEvent e) => e.EventType is EventType.TaskScheduled or EventType.TimerCreated or EventType.ExecutionCompleted
        or EventType.SubOrchestrationInstanceCreated or EventType.EventSent or EventType.ContinueAsNew;

    private static IEnumerable<string> Compare(int episode, OrchestratorAction[] decided, HistoryEvent[] recorded)
    {
        foreach (OrchestratorAction action in decided.Where(a => a is OrchestrationCompleteOrchestratorAction { OrchestrationStatus: OrchestrationStatus.Failed }))
        {
            var failed = (OrchestrationCompleteOrchestratorAction)action;
            if (!recorded.OfType<ExecutionCompletedEvent>().Any(e => e.OrchestrationStatus == OrchestrationStatus.Failed))
            {
                yield return $"episode {episode}: replay failed: {failed.FailureDetails?.ErrorType}: {failed.FailureDetails?.ErrorMessage ?? failed.Details}";
                yield break;
            }
        }

        for (int i = 0; i < Math.Max(decided.Length, recorded.Length); i++)
        {
            if (i >= decided.Length)
            {
                yield return $"episode {episode}: the history recorded {Describe(recorded[i])}, the code decided nothing more";
                continue;
            }

            if (i >= recorded.Length)
            {
                yield return $"episode {episode}: the code decided {Describe(decided[i])}, the history recorded nothing more";
                continue;
            }

            if (Mismatch(decided[i], recorded[i]) is { } why)
            {
                yield return $"episode {episode}, decision {i + 1}: {why}";
            }
        }
    }

    private static string? Mismatch(OrchestratorAction action, HistoryEvent recorded) => (action, recorded) switch
    {
        (ScheduleTaskOrchestratorAction a, TaskScheduledEvent e) when a.Id != e.EventId || !string.Equals(a.Name, e.Name, StringComparison.Ordinal) =>
            $"scheduled {a.Name} (id {a.Id}) where the history has {e.Name} (id {e.EventId})",
        (ScheduleTaskOrchestratorAction a, TaskScheduledEvent e) when !string.Equals(a.Version ?? string.Empty, e.Version ?? string.Empty, StringComparison.Ordinal) =>
            $"{a.Name} scheduled as version '{a.Version}' where the history has '{e.Version}'",
        (ScheduleTaskOrchestratorAction a, TaskScheduledEvent e) when e.Input is not null && !SameJson(a.Input, e.Input) =>
            $"{a.Name} sent {a.Input} where the history has {e.Input}",
        (ScheduleTaskOrchestratorAction, TaskScheduledEvent) => null,
        (CreateTimerOrchestratorAction a, TimerCreatedEvent e) when a.Id != e.EventId || a.FireAt.ToUniversalTime() != e.FireAt.ToUniversalTime() =>
            $"timer {a.Id} fires at {Iso(a.FireAt)} where the history has timer {e.EventId} at {Iso(e.FireAt)}",
        (CreateTimerOrchestratorAction, TimerCreatedEvent) => null,
        (OrchestrationCompleteOrchestratorAction a, ExecutionCompletedEvent e) when a.OrchestrationStatus != e.OrchestrationStatus || !SameJson(a.Result, e.Result) =>
            $"ended {a.OrchestrationStatus} with {a.Result} where the history ended {e.OrchestrationStatus} with {e.Result}",
        (OrchestrationCompleteOrchestratorAction, ExecutionCompletedEvent) => null,
        _ => $"decided {Describe(action)} where the history has {Describe(recorded)}",
    };

    private static string Describe(OrchestratorAction a) => a switch
    {
        ScheduleTaskOrchestratorAction s => $"activity {s.Name}",
        CreateTimerOrchestratorAction t => $"a timer at {Iso(t.FireAt)}",
        OrchestrationCompleteOrchestratorAction c => $"to end {c.OrchestrationStatus}",
        _ => a.GetType().Name,
    };

    private static string Describe(HistoryEvent e) => e switch
    {
        TaskScheduledEvent s => $"activity {s.Name}",
        TimerCreatedEvent t => $"a timer at {Iso(t.FireAt)}",
        ExecutionCompletedEvent c => $"the end ({c.OrchestrationStatus})",
        _ => e.EventType.ToString(),
    };

    private static string Iso(DateTime at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Same JSON value, a property that is null or missing on one side counting as equal (an optional field added later).</summary>
    internal static bool SameJson(string? a, string? b) =>
        JsonNode.DeepEquals(WithoutNulls(a is null ? null : JsonNode.Parse(a)), WithoutNulls(b is null ? null : JsonNode.Parse(b)));

    private static JsonNode? WithoutNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (string name in o.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    o.Remove(name);
                }

                foreach (KeyValuePair<string, JsonNode?> p in o)
                {
                    WithoutNulls(p.Value);
                }

                break;
            case JsonArray a:
                foreach (JsonNode? item in a)
                {
                    WithoutNulls(item);
                }

                break;
        }

        return node;
    }
}
