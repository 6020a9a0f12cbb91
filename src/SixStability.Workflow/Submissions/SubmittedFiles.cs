namespace SixStability.Workflow.Submissions;

/// <summary>
/// Which files a task's submissions name. A submission is the record the coordinator and the summary read:
/// a file it named keeps its bytes even after the unit removes it from the form. A draft keeps nothing.
/// </summary>
public static class SubmittedFiles
{
    public const string Submitted = "submitted";

    /// <summary>The ids of every file a submission in <paramref name="history"/> names.</summary>
    public static HashSet<string> Ids(IEnumerable<HistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return [.. history
            .Where(h => h.What == Submitted)
            .SelectMany(h => UnitReportQuery.SavedForm(h)?.Attachments ?? [])
            .Select(f => f.Id)];
    }
}
