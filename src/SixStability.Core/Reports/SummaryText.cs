using SixStability.Core.Notifications;

namespace SixStability.Core.Reports;

/// <summary>The words the report's renderings share, so the HTML, the .docx and the .xlsx say the same thing with the same numbers.</summary>
public static class SummaryText
{
    public static string Title(CycleSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return $"关于{summary.Quarter.ChineseName}“六稳六保”工作落实情况的报告{(summary.Final ? string.Empty : "（预览）")}";
    }

    public static string Rag(Rag rag) => rag switch
    {
        Reports.Rag.Green => "绿",
        Reports.Rag.Amber => "黄",
        Reports.Rag.Red => "红",
        _ => "未评定",
    };

    /// <summary>绿色（进展正常） / 黄色（需关注） / 红色（滞后） / 暂未评定.</summary>
    public static string RagLong(Rag rag) => rag switch
    {
        Reports.Rag.Green => "绿色（进展正常）",
        Reports.Rag.Amber => "黄色（需关注）",
        Reports.Rag.Red => "红色（滞后）",
        _ => "暂未评定",
    };

    /// <summary>一级（黄色）… 三级（红色）: one way of writing a level everywhere.</summary>
    public static string Level(int level) => level <= 0 ? "—" : $"{ChineseNumerals.Format(level)}级（{EscalationColours.Name(level)}）";

    public static string Deadline(DeadlineState state) => state switch
    {
        DeadlineState.Met => "已按期完成",
        DeadlineState.NotMet => "未按期完成",
        DeadlineState.NotDue => "尚未到期",
        DeadlineState.NotAnswered => "牵头单位未说明",
        DeadlineState.Pending => "待报送",
        _ => "牵头单位未报送",
    };

    // The cells the renderings fill, so the HTML and the .docx cannot say different numbers.
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

    public static string Kind(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Level => "水平",
        IndicatorKind.AtMost => "上限",
        _ => "累计",
    };

    public static string Target(IndicatorSummary i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return i.Kind switch
        {
            IndicatorKind.AtMost => "≤" + Amount(i.Target, i.Unit),
            IndicatorKind.Level => "≥" + Amount(i.Target, i.Unit),
            _ => Amount(i.Target, i.Unit),
        };
    }

    public static string Reading(IndicatorSummary i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return i.Value is decimal v ? Amount(v, i.Unit) : "未填报";
    }

    public static string Previous(IndicatorSummary i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return i.PreviousValue is decimal v ? Amount(v, i.Unit) : "—";
    }

    public static string Percent(IndicatorSummary i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return i.Percent is decimal p ? N(p) + "%" : "—";
    }

    /// <summary>What the quarter asks of the indicator: 序时75% / 达到目标 / 不超过目标.</summary>
    public static string Expected(IndicatorSummary i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return i.Kind switch
        {
            IndicatorKind.AtMost => "不超过目标",
            IndicatorKind.Level => "达到目标",
            _ => $"序时{N(i.ExpectedPercent)}%",
        };
    }

    /// <summary>The judgement in a word: 超序时 / 达序时 / 滞后 / 达标 / 未达标 / 未填报.</summary>
    public static string Judgement(IndicatorSummary i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return (i.Kind, i.OnTrack, i.Ahead) switch
        {
            (_, null, _) => "未填报",
            (IndicatorKind.Cumulative, true, true) => "超序时",
            (IndicatorKind.Cumulative, true, false) => "达序时",
            (IndicatorKind.Cumulative, false, _) => "滞后",
            (_, true, _) => "达标",
            _ => "未达标",
        };
    }

    /// <summary>Why an indicator holds its task back, by kind.</summary>
    public static string Shortfall(IndicatorSummary i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return i.Kind switch
        {
            IndicatorKind.AtMost => $"指标“{i.Name}”为{Reading(i)}，未控制在{Amount(i.Target, i.Unit)}以内",
            IndicatorKind.Level => $"指标“{i.Name}”为{Reading(i)}，未达到{Amount(i.Target, i.Unit)}",
            _ => $"指标“{i.Name}”完成{Percent(i)}，低于序时进度{N(i.ExpectedPercent)}%",
        };
    }

    /// <summary>The indicator in a sentence of the report: 今年完成2万户老旧小区改造：完成1.6万户，为年度目标的80%，超过序时进度（75%）.</summary>
    public static string Sentence(IndicatorSummary i)
    {
        ArgumentNullException.ThrowIfNull(i);
        if (i.Value is null)
        {
            return $"{i.Name}：未填报";
        }

        return i.Kind switch
        {
            IndicatorKind.AtMost => $"{i.Name}：目前为{Reading(i)}，{(i.OnTrack == true ? "已控制在" : "未控制在")}{Amount(i.Target, i.Unit)}以内",
            IndicatorKind.Level => $"{i.Name}：目前为{Reading(i)}，{(i.OnTrack == true ? "已达到" : "未达到")}目标（{Amount(i.Target, i.Unit)}）",
            _ => $"{i.Name}：完成{Reading(i)}，为年度目标的{Percent(i)}，{(i.Ahead ? "超过" : i.OnTrack == true ? "达到" : "低于")}序时进度（{N(i.ExpectedPercent)}%）",
        };
    }

    /// <summary>（三）开展职业技能培训.</summary>
    public static string TaskLabel(int number, string title) => $"（{ChineseNumerals.Format(number)}）{title}";

    /// <summary>2020年10月23日 (GB/T 9704: 成文日期 in Arabic numerals).</summary>
    public static string Date(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    public static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// A value with its unit as the plan writes it: from 1万 up in 万, exactly (143万亩 read as 1430000 is
    /// written 143万亩, 1458600亩 145.86万亩, 18540头 1.854万头); percentages and units already in 万/亿 as they are.
    /// </summary>
    public static string Amount(decimal value, string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return Math.Abs(value) >= 10_000m && unit is not "%" && !unit.StartsWith('万') && !unit.StartsWith('亿')
            ? (value / 10_000m).ToString("0.####", CultureInfo.InvariantCulture) + "万" + unit
            : N(value) + unit;
    }

    /// <summary>+3 / −0.5 / 0, with a real minus sign.</summary>
    public static string Points(decimal points) => points > 0 ? "+" + N(points) : points < 0 ? "−" + N(-points) : "0";
}
