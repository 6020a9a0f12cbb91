using SixStability.Core.Text;

namespace SixStability.Workflow.Reviews;

/// <summary>
/// A unit's report of one task as the coordinator reads it in the review pane: the obligation and its history, the
/// unit's 填报信息, the task's title and indicator targets, every submission with what changed since the one before,
/// and where it stands among the submissions of its task (a board column) and of its unit (a board row), so
/// 上一份/下一份 cross board pages. A reader limited to some units (a 分管领导) walks only through those.
/// </summary>
public sealed class SubmissionReviewQuery(IObligationStore obligations, ICycleTallies tallies, ICycleStore cycles, CycleContextLoader loader, IReportingContactStore contacts)
{
    public async Task<Outcome<ObligationReview>> RunAsync(string cycleId, string unitId, int task, UnitScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        IReadOnlyList<Obligation> owned = await obligations.ListUnitAsync(cycleId, unitId, cancellationToken).ConfigureAwait(false);
        Obligation? obligation = owned.FirstOrDefault(o => o.TaskNumber == task);
        if (obligation is null)
        {
            return Outcome.NotFound<ObligationReview>($"单位“{unitId}”在周期“{cycleId}”中没有任务（{task}）。");
        }

        Task<IReadOnlyList<HistoryEntry>> historyRead = obligations.HistoryAsync(cycleId, unitId, task, cancellationToken);
        Task<ReportingContact?> contactRead = contacts.GetAsync(cycleId, unitId, cancellationToken);
        CycleRecord? record = await cycles.GetAsync(cycleId, cancellationToken).ConfigureAwait(false);
        CycleLookup? lookup = record is null ? null : await loader.LookupAsync(record, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<HistoryEntry> history = await historyRead.ConfigureAwait(false);

        var here = new SubmissionRef(unitId, task);
        SubmissionRef[] row = [.. owned.Where(o => o.State == ObligationState.Submitted).Select(o => new SubmissionRef(o.UnitId, o.TaskNumber)).OrderBy(r => r.Task)];
        IReadOnlyList<string> units = await SubmittedUnitsAsync(cycleId, task, scope, lookup, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> order = ReviewWalk.Order([.. units.Append(unitId).Distinct(StringComparer.Ordinal)], id => lookup?.FindUnit(id));
        var rank = order.Select((u, i) => (u, i)).ToDictionary(x => x.u, x => x.i, StringComparer.Ordinal);
        SubmissionRef[] column = [.. units.Select(u => new SubmissionRef(u, task))];

        return new ObligationReview(obligation, HistoryItem.Of(history))
        {
            Contact = await contactRead.ConfigureAwait(false),
            CycleOpen = record?.Status == CycleStatus.Open,
            UnitName = lookup?.UnitName(unitId) ?? unitId,
            TaskTitle = lookup?.TaskTitle(task) ?? $"任务{task}",
            Targets = obligation.IsLead ? lookup?.Indicators(task) ?? [] : [],
            Revisions = SubmissionRevision.Of(Submissions(history)),
            Walk = new ReviewWalks(
                ReviewWalk.Along(column, here, (a, b) => rank[a.UnitId].CompareTo(rank[b.UnitId])),
                ReviewWalk.Along(row, here, (a, b) => a.Task.CompareTo(b.Task))),
        };
    }

    /// <summary>The units whose report of the task is submitted, in the board's order, read from the tallies (never every obligation).</summary>
    private async Task<IReadOnlyList<string>> SubmittedUnitsAsync(string cycleId, int task, UnitScope scope, CycleLookup? lookup, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, UnitTally> every = await tallies.ReadAsync(cycleId, cancellationToken).ConfigureAwait(false);
        string[] seen = [.. every.Keys.Where(scope.Includes)];
        IReadOnlyDictionary<string, IReadOnlyList<ObligationMark>> marks = await tallies.MarksAsync(cycleId, seen, cancellationToken).ConfigureAwait(false);
        IEnumerable<string> submitted = marks.Where(m => m.Value.Any(x => x.Task == task && !x.IsOwed)).Select(m => m.Key);
        return ReviewWalk.Order(submitted, id => lookup?.FindUnit(id));
    }

    /// <summary>Each submission's form, in the order made (a history row from before forms were kept as JSON is left out).</summary>
    private static IEnumerable<(DateTimeOffset, SavedForm)> Submissions(IEnumerable<HistoryEntry> history)
    {
        foreach (HistoryEntry h in history)
        {
            if (h.What == "submitted" && h.Detail is { } detail && detail.StartsWith('{') && JsonSerializer.Deserialize<SavedForm>(detail, Json.Options) is { } form)
            {
                yield return (h.At, form);
            }
        }
    }
}

/// <summary>Where a report stands among its task's submissions (the board's column) and its unit's (the board's row).</summary>
public sealed record ReviewWalks(WalkStep ByTask, WalkStep ByUnit);
