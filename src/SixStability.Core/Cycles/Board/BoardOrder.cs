using SixStability.Core.Units.Workbook;

namespace SixStability.Core.Cycles.Board;

/// <summary>
/// The board's order: grouped as the city lists its units — 县市区政府, then 园区管委会, then 市直部门 — and within each
/// group as the reader asked (name, most owed, highest level), never by internal id.
/// </summary>
public static class BoardOrder
{
    private static readonly CompareInfo Chinese = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;
    private static readonly Comparer<SortKey> ByKey = Comparer<SortKey>.Create(SortKey.Compare);

    /// <summary>The groups in the order the city reads them.</summary>
    public static IReadOnlyList<UnitKind> Groups { get; } = [UnitKind.CountyGovernment, UnitKind.ParkCommittee, UnitKind.Department];

    /// <summary>The group's heading (类别 as the directory's workbook writes it).</summary>
    public static string GroupName(UnitKind kind) => DirectorySheets.KindName(kind);

    public static IReadOnlyList<BoardRow> Sort(IEnumerable<BoardRow> rows, BoardSort sort)
    {
        ArgumentNullException.ThrowIfNull(rows);
        IOrderedEnumerable<BoardRow> grouped = rows.OrderBy(r => GroupIndex(r.Kind));
        IOrderedEnumerable<BoardRow> ordered = sort switch
        {
            BoardSort.Owed => grouped.ThenByDescending(r => r.Tally.Counts.Owed).ThenByDescending(r => r.Tally.Level),
            BoardSort.Level => grouped.ThenByDescending(r => r.Tally.Level).ThenByDescending(r => r.Tally.Counts.Owed),
            _ => grouped,
        };
        // Each name's sort key once, not a collation per comparison: a province sorts thousands of units per poll.
        return [.. ordered.ThenBy(r => Chinese.GetSortKey(r.Name), ByKey).ThenBy(r => r.UnitId, StringComparer.Ordinal)];
    }

    private static int GroupIndex(UnitKind kind) => kind switch
    {
        UnitKind.CountyGovernment => 0,
        UnitKind.ParkCommittee => 1,
        _ => 2,
    };
}
