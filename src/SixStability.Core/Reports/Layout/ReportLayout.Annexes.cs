using static SixStability.Core.Reports.SummaryText;

namespace SixStability.Core.Reports.Layout;

// The attached tables (附表): tasks, indicators, deadlines and the change from last quarter.
public static partial class ReportLayout
{
    private static TableBlock TaskTable(CycleSummary s)
    {
        var rows = new List<TableRow>();
        foreach (SectionSummary section in s.Sections)
        {
            rows.Add(TableRow.GroupOf(section.Title));
            rows.AddRange(section.Tasks.Select(t => new TableRow([
                new TableCell(ChineseNumerals.Format(t.Number)),
                new TableCell(t.Title),
                new TableCell(t.LeadUnit),
                new TableCell(Reporting(t)),
                new TableCell(MissingUnits(t)),
                new TableCell(Rag(t.Status), RagTone(t.Status)),
                new TableCell(string.Join("；", t.Reasons)),
            ])));
        }

        // Self-assessments (滞后) are counted in 说明, so the table keeps to what is read.
        return TableBlock.Of(["序号", "任务", "牵头单位", "报送情况", "未报送单位", "评定", "说明"], rows, [CellAlign.Center, CellAlign.Left, CellAlign.Left, CellAlign.Center, CellAlign.Left, CellAlign.Center, CellAlign.Left]);
    }

    private static TableBlock IndicatorTable(CycleSummary s)
    {
        List<TableRow> rows = [.. s.Tasks.SelectMany(t => t.Indicators.Select(i => new TableRow([
            new TableCell(ChineseNumerals.Format(t.Number)),
            new TableCell(i.Name),
            new TableCell(Kind(i.Kind)),
            new TableCell(Target(i)),
            new TableCell(Reading(i)),
            new TableCell(Percent(i)),
            new TableCell(Expected(i)),
            new TableCell(Judgement(i), i.OnTrack switch { true => Tone.Green, false => TaskRating.FarBehind(i) ? Tone.Red : Tone.Amber, null => Tone.Grey }),
            new TableCell(Previous(i)),
        ])))];
        if (rows.Count == 0)
        {
            rows.Add(new TableRow([new TableCell("—"), new TableCell("方案未设量化指标"), new TableCell("—"), new TableCell("—"), new TableCell("—"), new TableCell("—"), new TableCell("—"), new TableCell("—"), new TableCell("—")]));
        }

        return TableBlock.Of(["任务", "指标", "类型", "目标", "完成值", "完成比例", "本季度要求", "评定", "上季度"], rows, [CellAlign.Center, CellAlign.Left, CellAlign.Center, CellAlign.Right, CellAlign.Right, CellAlign.Right, CellAlign.Center, CellAlign.Center, CellAlign.Right]);
    }

    private static TableBlock DeadlineTable(CycleSummary s) =>
        TableBlock.Of(
            ["任务", "节点要求", "时限", "完成情况", "说明"],
            [.. s.Deadlines.Select(d => new TableRow([
                new TableCell(TaskLabel(d.Task, d.TaskTitle)),
                new TableCell(d.Text),
                new TableCell(Date(d.Date)),
                new TableCell(Deadline(d.State), d.State switch { DeadlineState.Met => Tone.Green, DeadlineState.NotMet or DeadlineState.NotReported => Tone.Red, DeadlineState.Pending => Tone.Grey, _ => Tone.Amber }),
                new TableCell(d.Note ?? "—"),
            ]))],
            [CellAlign.Left, CellAlign.Left, CellAlign.Center, CellAlign.Center, CellAlign.Left]);

    private static TableBlock ChangeTable(QuarterChange change) =>
        TableBlock.Of(
            ["任务", "上季度", "本季度", "变化"],
            [.. change.Tasks.Select(c => new TableRow([
                new TableCell(TaskLabel(c.Task, c.Title)),
                new TableCell(Rag(c.Before), RagTone(c.Before)),
                new TableCell(Rag(c.Now), RagTone(c.Now)),
                new TableCell(c.Now < c.Before ? "好转" : c.Now > c.Before ? "退步" : "持平"),
            ]))],
            [CellAlign.Left, CellAlign.Center, CellAlign.Center, CellAlign.Center]);
}
