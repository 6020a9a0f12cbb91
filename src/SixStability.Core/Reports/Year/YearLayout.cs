using SixStability.Core.Reports.Layout;
using static SixStability.Core.Reports.SummaryText;

namespace SixStability.Core.Reports.Year;

/// <summary>
/// The 年度 document as a 公文 in the quarterly report's model (<see cref="ReportDocument"/>), so the .docx is
/// drawn by the same renderer: 一、总体情况 with the chart of year scores, 二、年度排名, 三、拟表扬单位,
/// 四、拟问责单位, each unit named with its reason; the quarter-by-quarter table attached.
/// </summary>
public static class YearLayout
{
    public const string ScoreColour = "1E88E5";

    public static string Title(YearReview year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return $"关于{year.Year}年度“六稳六保”工作各责任单位落实情况的考评报告{(year.InProgress ? "（预览）" : string.Empty)}";
    }

    public static ReportDocument Build(YearReview year, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(year);
        ReportOptions o = options ?? ReportOptions.Default;
        var body = new List<ReportBlock>
        {
            new ParagraphBlock($"根据《{year.PlanTitle}》关于对各县（市、区）、各部门贯彻落实情况进行督查考评、对成效明显的予以表扬、对工作不力的予以问责的要求，{year.Reporter}对{year.Year}年{QuarterNames(year)}各责任单位的报送和落实情况进行了汇总考评。现将有关情况报告如下："),
        };
        if (year.Quarters.FirstOrDefault(q => q.Open) is { } open)
        {
            body.Add(new ParagraphBlock($"（本稿为预览稿：{new Calendar.Quarter(year.Year, open.Number).ChineseName}调度尚在进行中，数据截至{Date(open.AsOf)}，一切以全年各季度调度结束后的正式报告为准。）", Note: true));
        }

        body.Add(new HeadingBlock(1, "一、总体情况"));
        body.Add(new ParagraphBlock(Overall(year)));
        body.Add(new ParagraphBlock($"各季度得分按当季计分规则计算（{ScoreRule.Default.Describe()}），年度得分为各季度得分之和；年度得分相同的单位名次并列。"));
        if (ScoreChart(year, o.MaxChartBars) is { } chart)
        {
            body.Add(new ChartBlock(chart));
        }

        body.Add(new HeadingBlock(1, "二、年度排名"));
        body.Add(RankingTable(year));
        body.Add(new ParagraphBlock("按时率为按时报送份数占应报送份数（已到截止日或已报送）的比例；逾期含逾期报送和逾期未报送；各季度明细见附件。", Note: true));
        body.Add(new HeadingBlock(1, "三、拟表扬单位"));
        body.AddRange(Mentions(year.Commended, "本年度暂无符合表扬条件的单位。"));
        body.Add(new HeadingBlock(1, "四、拟问责单位"));
        body.AddRange(Mentions(year.Accountable, "本年度无须问责的单位。"));
        body.Add(new ParagraphBlock(year.Rule, Note: true));

        const string annexTitle = "各单位分季度报送情况表";
        return new ReportDocument(
            null,
            Title(year),
            o.Addressee,
            body,
            ReportLayout.Closing,
            [annexTitle],
            year.Reporter,
            Date(year.AsOf),
            [new ReportAnnex(1, annexTitle, [QuarterTable(year)])],
            year.InProgress);
    }

    /// <summary>The year scores as bars, best first; past <paramref name="maxBars"/> the top and bottom halves (the rest in the table).</summary>
    public static BarChart? ScoreChart(YearReview year, int maxBars)
    {
        ArgumentNullException.ThrowIfNull(year);
        if (year.Units.Count == 0)
        {
            return null;
        }

        List<UnitYear> shown = year.Units.Count <= maxBars
            ? [.. year.Units]
            : [.. year.Units.Take(maxBars / 2), .. year.Units.Skip(year.Units.Count - (maxBars - (maxBars / 2)))];
        decimal low = Math.Min(0, shown.Min(u => u.Score));
        decimal high = Math.Max(0, shown.Max(u => u.Score));
        decimal step = Step(high - low);
        decimal min = Math.Floor(low / step) * step;
        decimal max = Math.Max(step, Math.Ceiling(high / step) * step);
        string? note = shown.Count < year.Units.Count ? $"共{year.Units.Count}个单位，图中为排名最前的{maxBars / 2}个和最后的{maxBars - (maxBars / 2)}个，其余见排名表。" : null;
        return new BarChart(
            $"{year.Year}年度各单位得分",
            [.. shown.Select(u => $"{u.Rank}.{u.Name}")],
            [new ChartSeries("年度得分", [.. shown.Select(u => u.Score)], ScoreColour)],
            Stacked: false,
            max,
            "分",
            note,
            min,
            step);
    }

    /// <summary>名次, 单位, 类别, each quarter's score (on-time rate), 逾期, 退回, 审核通过, 年度得分.</summary>
    public static TableBlock RankingTable(YearReview year)
    {
        ArgumentNullException.ThrowIfNull(year);
        string[] headers = ["名次", "单位", "类别", .. year.Quarters.Select(q => $"{ChineseNumerals.Format(q.Number)}季度{(q.Open ? "（进行中）" : string.Empty)}"), "逾期", "退回", "审核通过", "年度得分"];
        List<TableRow> rows = [.. year.Units.Select(u => new TableRow([
            new TableCell(u.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new TableCell(u.Name),
            new TableCell(KindName(u.Kind)),
            .. year.Quarters.Select(q => QuarterCell(u.In(q.Number))),
            new TableCell(u.LateTasks.ToString(System.Globalization.CultureInfo.InvariantCulture), u.LateTasks > 0 ? Tone.Amber : Tone.None),
            new TableCell(u.Returns.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new TableCell(u.Accepted.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new TableCell(Points(u.Score), u.Score < 0 ? Tone.Red : Tone.None),
        ]))];
        CellAlign[] aligns = [CellAlign.Center, CellAlign.Left, CellAlign.Center, .. year.Quarters.Select(_ => CellAlign.Center), CellAlign.Right, CellAlign.Right, CellAlign.Right, CellAlign.Right];
        return TableBlock.Of(headers, rows, aligns);
    }

    /// <summary>A unit's quarter in a cell: its score and on-time rate (−1.5分 / 86%), or — when it owed nothing then.</summary>
    public static string QuarterText(UnitQuarter? q) =>
        q is null ? "—" : $"{Points(q.Score)}分/{(q.OnTimeRate is { } rate ? N(rate) + "%" : "未到期")}";

    /// <summary>The unit's kind in a table cell, short enough not to wrap: 县市区, 园区, 市直部门.</summary>
    public static string KindName(UnitKind? kind) => kind switch
    {
        UnitKind.CountyGovernment => "县市区",
        UnitKind.ParkCommittee => "园区",
        UnitKind.Department => "市直部门",
        _ => "—",
    };

    private static TableCell QuarterCell(UnitQuarter? q) =>
        new(QuarterText(q), q is null ? Tone.None : q.HighestLevel >= 3 || q.Missing > 0 ? Tone.Red : q.LateTasks > 0 ? Tone.Amber : Tone.None);

    private static string QuarterNames(YearReview year) =>
        year.Quarters.Count == 4 ? "四个季度" : string.Join("、", year.Quarters.Select(q => $"第{ChineseNumerals.Format(q.Number)}季度"));

    private static string Overall(YearReview y)
    {
        int owed = y.Units.Sum(u => u.Owed);
        int onTime = y.Units.Sum(u => u.OnTime);
        int late = y.Units.Sum(u => u.LateTasks);
        int missing = y.Units.Sum(u => u.Missing);
        int returns = y.Units.Sum(u => u.Returns);
        int accepted = y.Units.Sum(u => u.Accepted);
        string rate = YearRecords.Rate(onTime, owed) is { } r ? $"，按时报送率{N(r)}%" : string.Empty;
        int red = y.Units.Count(u => u.HighestLevel >= 3);
        return $"{y.Year}年共开展{ChineseNumerals.Format(y.Quarters.Count)}个季度的调度，{y.Units.Count}个责任单位应报送落实情况{owed}份，按时报送{onTime}份{rate}；逾期{late}份（其中未报送{missing}份），退回修改{returns}次，经审核通过{accepted}份。"
            + (red > 0 ? $"{red}个单位全年曾被{Level(3)}督办。" : string.Empty)
            + $"拟表扬{y.Commended.Count}个单位，拟问责{y.Accountable.Count}个单位。";
    }

    private static IEnumerable<ReportBlock> Mentions(IReadOnlyList<YearMention> mentions, string none)
    {
        if (mentions.Count == 0)
        {
            yield return new ParagraphBlock(none);
            yield break;
        }

        yield return TableBlock.Of(
            ["名次", "单位", "年度得分", "理由"],
            [.. mentions.Select(m => TableRow.Of(m.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Name, Points(m.Score), m.Reason))],
            [CellAlign.Center, CellAlign.Left, CellAlign.Right, CellAlign.Left]);
    }

    /// <summary>附件: one group row per unit, one row per quarter it owed reports in.</summary>
    private static TableBlock QuarterTable(YearReview year)
    {
        var rows = new List<TableRow>();
        foreach (UnitYear u in year.Units)
        {
            rows.Add(TableRow.GroupOf($"{u.Rank}. {u.Name}（年度得分{Points(u.Score)}分）"));
            foreach (UnitQuarter q in u.Quarters)
            {
                rows.Add(new TableRow([
                    new TableCell($"第{ChineseNumerals.Format(q.Quarter)}季度{(q.Open ? "（进行中）" : string.Empty)}"),
                    new TableCell(I(q.Owed)),
                    new TableCell(I(q.OnTime)),
                    new TableCell(q.OnTimeRate is { } rate ? N(rate) + "%" : "—"),
                    new TableCell(I(q.LateTasks), q.LateTasks > 0 ? Tone.Amber : Tone.None),
                    new TableCell(q.HighestLevel > 0 ? Level(q.HighestLevel) : "—", q.HighestLevel >= 3 ? Tone.Red : q.HighestLevel > 0 ? Tone.Amber : Tone.None),
                    new TableCell(I(q.Returns)),
                    new TableCell(I(q.Accepted)),
                    new TableCell(Points(q.Score)),
                ]));
            }
        }

        return TableBlock.Of(
            ["季度", "应报送", "按时", "按时率", "逾期", "最高督办", "退回", "审核通过", "得分"],
            rows,
            [CellAlign.Left, CellAlign.Right, CellAlign.Right, CellAlign.Right, CellAlign.Right, CellAlign.Center, CellAlign.Right, CellAlign.Right, CellAlign.Right]);
    }

    private static string I(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A tick step that gives the axis four to ten ticks.</summary>
    private static decimal Step(decimal range) => range switch
    {
        <= 5 => 1,
        <= 10 => 2,
        <= 25 => 5,
        <= 50 => 10,
        _ => 25,
    };
}
