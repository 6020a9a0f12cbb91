namespace SixStability.Workflow.Submissions;

/// <summary>A task's history as people and scripts read it: a saved form comes back as JSON, a note as text.</summary>
/// <param name="Who">A unit id, coordinator, or system.</param>
/// <param name="What">draft, submitted, returned, attached, detached, extended, escalation1…</param>
/// <param name="Content">The saved form (JSON object) or the note (text).</param>
public sealed record HistoryItem(DateTimeOffset At, string Who, string What, JsonElement? Content)
{
    public static IReadOnlyList<HistoryItem> Of(IEnumerable<HistoryEntry> history) =>
        [.. history.Select(h => new HistoryItem(h.At, h.Who, h.What, h.Detail switch
        {
            null or "" => null,
            var d when d.StartsWith('{') => JsonSerializer.Deserialize<JsonElement>(d),
            var d => JsonSerializer.SerializeToElement(d),
        }))];
}
