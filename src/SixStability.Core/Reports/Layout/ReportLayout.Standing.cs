using static SixStability.Core.Reports.SummaryText;

namespace SixStability.Core.Reports.Layout;

// 五、报送和督办情况 and 六、拟表扬和拟问责: who reported late, who is named for praise or accountability.
public static partial class ReportLayout
{
    private static IEnumerable<ReportBlock> Submissions(CycleSummary s, ReportOptions o)
    {
        SummaryOverview v = s.Overview;
        string due = v.LeadDue is { } lead ? $"本季度牵头单位报送截止日为{ChineseDatesShort(lead)}{(v.CoUnitDue is { } co ? $"，配合单位为{ChineseDatesShort(co)}（先于牵头单位，便于牵头单位汇总）" : string.Empty)}。" : string.Empty;
        List<UnitStanding> units = [.. s.Units ?? []];
        int[] levels = [.. Enumerable.Range(1, 3).Select(l => units.Count(u => Math.Min(u.Facts.HighestLevel, 3) == l))];
        string escalated = levels.Sum() > 0
            ? $"{levels.Sum()}个单位被督办，其中{string.Join("、", levels.Select((c, i) => $"{Level(i + 1)}{c}个"))}。"
            : "没有单位被督办。";
        yield return new ParagraphBlock($"{due}逾期报送{v.SubmittedLate}份，{(s.Final ? "未报送" : "尚未报送")}{v.Missing}份；{escalated}");
        if (s.LateUnits.Count == 0)
        {
            yield return new ParagraphBlock("所有单位均按时报送。");
            yield break;
        }

        List<TableRow> rows = [.. s.LateUnits.Take(o.MaxTableRows).Select(u => new TableRow([
            new TableCell(u.Name),
            new TableCell(u.LateTasks.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new TableCell(u.MissingTasks.ToString(System.Globalization.CultureInfo.InvariantCulture), u.MissingTasks > 0 ? Tone.Red : Tone.None),
            new TableCell(u.WorkingDaysLate.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new TableCell(Level(u.HighestLevel), LevelTone(u.HighestLevel)),
        ]))];
        yield return TableBlock.Of(["单位", "逾期报送（份）", "未报送（份）", "最长逾期（工作日）", "最高督办级别"], rows, [CellAlign.Left, CellAlign.Center, CellAlign.Center, CellAlign.Center, CellAlign.Center]);
        if (s.LateUnits.Count > rows.Count)
        {
            yield return new ParagraphBlock($"表中为逾期最多的{rows.Count}个单位，共{s.LateUnits.Count}个单位，全部情况见汇总表。", Note: true);
        }
    }

    private static IEnumerable<ReportBlock> Mentions(CycleSummary s)
    {
        ScoreRule rule = s.Score ?? ScoreRule.Default;
        yield return new ParagraphBlock($"按照本周期计分规则（{rule.Describe()}），得分{N(rule.CommendAtLeast)}分及以上且无逾期、未报送的单位拟予表扬，得分{Points(rule.AccountableAtMost)}分及以下的单位拟提请问责。");
        List<UnitMention> commended = [.. s.Commended.Take(rule.Named)];
        List<UnitMention> accountable = [.. s.Accountable.Take(rule.Named)];
        if (commended.Count + accountable.Count == 0)
        {
            yield return new ParagraphBlock("本季度无单位达到表扬或问责条件。");
            yield break;
        }

        List<TableRow> rows =
        [
            .. commended.Select(m => new TableRow([new TableCell("拟表扬", Tone.Green), new TableCell(m.Name), new TableCell(Points(m.Score ?? 0)), new TableCell(m.Reason)])),
            .. accountable.Select(m => new TableRow([new TableCell("拟问责", Tone.Red), new TableCell(m.Name), new TableCell(Points(m.Score ?? 0)), new TableCell(m.Reason)])),
        ];
        yield return TableBlock.Of(["类别", "单位", "得分", "主要理由"], rows, [CellAlign.Center, CellAlign.Left, CellAlign.Center, CellAlign.Left]);
        int more = s.Commended.Count - commended.Count + s.Accountable.Count - accountable.Count;
        if (more > 0)
        {
            string[] others = [.. Counted(s.Commended.Count - commended.Count, "个单位达到表扬条件"), .. Counted(s.Accountable.Count - accountable.Count, "个单位达到问责条件")];
            yield return new ParagraphBlock($"表中为得分最高、最低的各{rule.Named}个单位；另有{string.Join("、", others)}，各单位得分见汇总表“单位得分”。", Note: true);
        }
    }
}
