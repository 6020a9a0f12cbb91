using System.Globalization;
using SixStability.Core.Notifications;
using SixStability.Core.Plans;
using SixStability.Core.Text;

namespace SixStability.Core.Reports;

/// <summary>The words the HTML and .docx forms share, so both say the same thing with the same numbers.</summary>
public static class SummaryText
{
    public static string Title(CycleSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return $"关于{summary.Quarter.ChineseName}“六稳六保”工作落实情况的报告{(summary.Final ? string.Empty : "（预览）")}";
    }

    public static string Byline(CycleSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return $"报送单位：{summary.Reporter}　　日期：{Date(summary.AsOf)}";
    }

    /// <summary>The overview paragraph with the key numbers.</summary>
    public static string Overview(CycleSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        SummaryOverview o = summary.Overview;
        string text = $"市政府：根据《{summary.PlanTitle}》要求，现将{summary.Quarter.ChineseName}落实情况报告如下。截至{ChineseDates.MonthDay(summary.AsOf)}，"
            + $"{o.Units}个责任单位应报送{o.Obligations}项，已报送{o.Submitted}项，报送率{N(o.SubmissionRate)}%；其中按时报送{o.OnTime}项，逾期报送{o.SubmittedLate}项，未报送{o.Missing}项。"
            + $"{o.Tasks}项任务中，绿色（进度正常）{o.Green}项、黄色（需关注）{o.Amber}项、红色（滞后）{o.Red}项。"
            + $"拟表扬单位{summary.Commended.Count}个，拟问责单位{summary.Accountable.Count}个。";
        if (summary.Change is { } change)
        {
            text += $"与{change.Previous.ChineseName}相比，报送率由{N(change.SubmissionRateBefore)}%变为{N(change.SubmissionRateNow)}%，逾期单位由{change.LateUnitsBefore}个变为{change.LateUnitsNow}个。";
        }

        return text;
    }

    public static string Rag(Rag rag) => rag switch
    {
        Reports.Rag.Green => "绿",
        Reports.Rag.Amber => "黄",
        _ => "红",
    };

    public static string Level(int level) => level switch
    {
        0 => "—",
        1 => "一级（黄色）",
        2 => "二级（橙色）",
        _ => $"{level}级（红色）",
    };

    public static string Deadline(DeadlineState state) => state switch
    {
        DeadlineState.Met => "已完成",
        DeadlineState.NotMet => "未完成",
        _ => "未报送",
    };

    // The cells both renderings fill, so the HTML and the .docx cannot say different numbers.
    public static string Reporting(TaskSummary t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return $"{t.Reported.Count}/{t.Reported.Count + t.Missing.Count}";
    }

    public static string MissingUnits(TaskSummary t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t.Missing.Count == 0 ? "—" : string.Join("、", t.Missing);
    }

    /// <summary>按进度推进/滞后/已完成 counts.</summary>
    public static string SelfAssessment(TaskSummary t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return $"{t.OnTrack}/{t.Behind}/{t.Done}";
    }

    public static string Target(IndicatorSummary i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return $"{(i.Direction == IndicatorDirection.AtMost ? "≤" : string.Empty)}{N(i.Target)}{i.Unit}";
    }

    public static string Reading(IndicatorSummary i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return i.Value is decimal v ? N(v) + i.Unit : "未填报";
    }

    public static string Percent(IndicatorSummary i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return i.Percent is decimal p ? N(p) + "%" : "—";
    }

    public static string OnPace(IndicatorSummary i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return i.OnTrack switch { true => "是", false => "否", null => "—" };
    }

    /// <summary>拟表扬/拟问责: each unit with its reason, or 无.</summary>
    public static string Mentions(IReadOnlyList<UnitMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        return mentions.Count == 0 ? "无" : string.Join("；", mentions.Select(m => $"{m.Name}（{m.Reason}）"));
    }

    /// <summary>（三）开展职业技能培训.</summary>
    public static string TaskLabel(int number, string title) => $"（{ChineseNumerals.Format(number)}）{title}";

    public static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    public static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
