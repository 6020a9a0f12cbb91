namespace SixStability.Core.Submissions;

/// <summary>
/// One submission of a report as the coordinator reads it in the review pane: what the unit sent that time and, for
/// each of its three texts (进展, 问题, 下一步), what changed since the submission before (<see cref="TextDiff"/>).
/// </summary>
/// <param name="Number">第 N 次报送, from 1.</param>
/// <param name="Form">What was sent: texts, 自评, indicator values as they stood, files attached, deadline answers.</param>
public sealed record SubmissionRevision(
    int Number,
    DateTimeOffset At,
    SavedForm Form,
    IReadOnlyList<DiffSegment> NarrativeChanges,
    IReadOnlyList<DiffSegment> DifficultiesChanges,
    IReadOnlyList<DiffSegment> NextStepsChanges)
{
    /// <summary>The submissions in the order they were made, each compared with the one before (the first with nothing).</summary>
    public static IReadOnlyList<SubmissionRevision> Of(IEnumerable<(DateTimeOffset At, SavedForm Form)> submissions)
    {
        ArgumentNullException.ThrowIfNull(submissions);
        var revisions = new List<SubmissionRevision>();
        SavedForm? before = null;
        foreach ((DateTimeOffset at, SavedForm form) in submissions)
        {
            revisions.Add(new SubmissionRevision(
                revisions.Count + 1,
                at,
                form,
                TextDiff.Compare(before?.Narrative, form.Narrative),
                TextDiff.Compare(before?.Difficulties, form.Difficulties),
                TextDiff.Compare(before?.NextSteps, form.NextSteps)));
            before = form;
        }

        return revisions;
    }
}
