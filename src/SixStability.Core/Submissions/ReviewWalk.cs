namespace SixStability.Core.Submissions;

/// <summary>A submission on the board: which unit's report of which task.</summary>
public sealed record SubmissionRef(string UnitId, int Task);

/// <summary>Where a submission stands in a walk (上一份/下一份): its place from 1 among how many, and its neighbours.</summary>
public sealed record WalkStep(int Position, int Count, SubmissionRef? Previous, SubmissionRef? Next);

/// <summary>
/// The coordinator's walk through the submissions of one task (a board column) or of one unit (a board row). Units go
/// in the board's order — 县市区政府, 园区管委会, 市直部门, each by name in Chinese collation, then id — and a unit's
/// tasks by number, so 下一份 is the next submitted cell the reader sees on the board, on this page or the next.
/// </summary>
public static class ReviewWalk
{
    private static readonly CompareInfo Chinese = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;

    /// <summary>Units in the board's order; a unit the directory no longer names goes last, by id.</summary>
    public static IReadOnlyList<string> Order(IEnumerable<string> unitIds, Func<string, Unit?> find)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        ArgumentNullException.ThrowIfNull(find);
        return [.. unitIds
            .Select(id => (Id: id, Unit: find(id)))
            .OrderBy(u => GroupIndex(u.Unit?.Kind))
            .ThenBy(u => u.Unit?.Name ?? u.Id, Comparer<string>.Create((a, b) => Chinese.Compare(a, b, CompareOptions.None)))
            .ThenBy(u => u.Id, StringComparer.Ordinal)
            .Select(u => u.Id)];
    }

    /// <summary>
    /// The step of <paramref name="current"/> in <paramref name="ordered"/>. A current report that is not in the walk (no longer
    /// submitted: just returned) has no place of its own; its neighbours are still found by where it would stand.
    /// </summary>
    public static WalkStep Along(IReadOnlyList<SubmissionRef> ordered, SubmissionRef current, Func<SubmissionRef, SubmissionRef, int> compare)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(compare);
        int at = -1;
        for (int i = 0; i < ordered.Count; i++)
        {
            if (ordered[i] == current)
            {
                at = i;
                break;
            }
        }

        if (at >= 0)
        {
            return new WalkStep(at + 1, ordered.Count, at > 0 ? ordered[at - 1] : null, at + 1 < ordered.Count ? ordered[at + 1] : null);
        }

        int after = 0;
        while (after < ordered.Count && compare(ordered[after], current) < 0)
        {
            after++;
        }

        return new WalkStep(0, ordered.Count, after > 0 ? ordered[after - 1] : null, after < ordered.Count ? ordered[after] : null);
    }

    private static int GroupIndex(UnitKind? kind) => kind switch
    {
        UnitKind.CountyGovernment => 0,
        UnitKind.ParkCommittee => 1,
        UnitKind.Department => 2,
        _ => 3,
    };
}
