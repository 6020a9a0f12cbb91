using System.Text.Json;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Submissions;

/// <summary>A task's history as people and scripts read it: a saved form comes back as JSON, a note as text.</summary>
public static class HistoryView
{
    public static IEnumerable<object> Of(IEnumerable<HistoryEntry> history) => history.Select(h => new
    {
        at = h.At,
        who = h.Who,
        what = h.What,
        content = h.Detail is { Length: > 0 } d && d.StartsWith('{') ? JsonSerializer.Deserialize<JsonElement>(d) : (object?)h.Detail,
    });
}
