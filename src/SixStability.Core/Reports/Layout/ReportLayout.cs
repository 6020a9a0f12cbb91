using static SixStability.Core.Reports.SummaryText;

namespace SixStability.Core.Reports.Layout;

public static partial class ReportLayout
{
    public const string Closing = "特此报告。";

    /// <summary>A task with more indicators than this names in prose only those that hold it back.</summary>
    public const int MaxIndicatorsInProse = 4;

    public static ReportDocument Build(CycleSummary summary, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ReportOptions o = options ?? ReportOptions.Default;
        var body = new List<ReportBlock> { new ParagraphBlock(Intro(summary, o)) };
        if (!summary.Final)
        {
            body.Add(new ParagraphBlock(PreviewNote(summary), Note: true));
        }

        var annexes = new List<(string Title, IReadOnlyList<ReportBlock> Blocks)>
        {
            ("各项任务落实情况表", [TaskTable(summary)]),
            ("主要指标完成情况表", [IndicatorTable(summary)]),
        };
        if (summary.Deadlines.Count > 0)
        {
            annexes.Add(("节点任务完成情况表", [DeadlineTable(summary)]));
        }

        if (summary.Change is { Tasks.Count: > 0 } change)
        {
            annexes.Add(($"与{change.Previous.ChineseName}对比情况表", [ChangeTable(change)]));
        }

        int section = 0;
        string Heading() => $"{ChineseNumerals.Format(++section)}、";
        body.Add(new HeadingBlock(1, Heading() + "总体情况"));
        body.AddRange(Overall(summary, o));
        body.Add(new HeadingBlock(1, Heading() + "主要进展和成效"));
        body.AddRange(Progress(summary, o));
        body.Add(new HeadingBlock(1, Heading() + "存在的主要问题"));
        body.AddRange(Problems(summary));
        body.Add(new HeadingBlock(1, Heading() + "下一步工作打算"));
        body.AddRange(NextSteps(summary));
        body.Add(new HeadingBlock(1, Heading() + "报送和督办情况"));
        body.AddRange(Submissions(summary, o));
        body.Add(new HeadingBlock(1, Heading() + "拟表扬和拟问责"));
        body.AddRange(Mentions(summary));

        return new ReportDocument(
            o.NumberFor(summary.Quarter),
            Title(summary),
            o.Addressee,
            body,
            Closing,
            [.. annexes.Select(a => a.Title)],
            summary.Reporter,
            Date(summary.AsOf),
            [.. annexes.Select((a, i) => new ReportAnnex(i + 1, a.Title, a.Blocks))],
            !summary.Final);
    }

    private static string Intro(CycleSummary s, ReportOptions o) =>
        $"根据《{s.PlanTitle}》关于每季度汇总梳理各县（市、区）、各部门贯彻落实情况并及时报告{o.Addressee}的要求，{s.Reporter}对{s.Quarter.ChineseName}各责任单位的落实情况进行了汇总梳理。现将有关情况报告如下：";

    private static string PreviewNote(CycleSummary s)
    {
        SummaryOverview v = s.Overview;
        string due = v.LeadDue is { } lead
            ? $"牵头单位报送截止日为{ChineseDatesShort(lead)}{(v.CoUnitDue is { } co ? $"，配合单位为{ChineseDatesShort(co)}" : string.Empty)}。"
            : string.Empty;
        return $"（本稿为预览稿，数据截至{Date(s.AsOf)}。{due}尚未到截止日、尚未报送的任务暂不评定，一切以周期关闭后的正式报告为准。）";
    }

    /// <summary>“3项…” when there are any, nothing when there are none: a report does not list zeros.</summary>
    private static string[] Counted(int count, string what) => count > 0 ? [$"{count}{what}"] : [];

    public static Tone RagTone(Rag rag) => rag switch
    {
        Reports.Rag.Green => Tone.Green,
        Reports.Rag.Amber => Tone.Amber,
        Reports.Rag.Red => Tone.Red,
        _ => Tone.Grey,
    };

    public static Tone LevelTone(int level) => level switch
    {
        <= 0 => Tone.None,
        1 => Tone.Amber,
        2 => Tone.Orange,
        _ => Tone.Red,
    };

    private static string ChineseDatesShort(DateOnly date) => $"{date.Month}月{date.Day}日";
}
