using System.Globalization;
using System.Net;
using System.Text;
using static SixStability.Core.Reports.SummaryText;

namespace SixStability.Core.Reports;

/// <summary>The summary as one HTML document, for the mail body and the browser: inline styles only, as mail clients need.</summary>
public static class SummaryHtml
{
    private const string Table = "border-collapse:collapse;width:100%;margin:6px 0 14px;font-size:14px";
    private const string Cell = "border:1px solid #999;padding:4px 6px;vertical-align:top;text-align:left";

    public static string Render(CycleSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + $"<title>{E(Title(summary))}</title></head><body>{Fragment(summary)}</body></html>";
    }

    /// <summary>The report without the document around it: the body of the mail to the municipal government.</summary>
    public static string Fragment(CycleSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var html = new StringBuilder();
        html.Append("<div style=\"font-family:'FangSong','仿宋','SimSun','Songti SC',serif;max-width:900px;margin:0 auto;padding:16px;line-height:1.8;color:#111\">");
        html.Append(CultureInfo.InvariantCulture, $"<h1 style=\"text-align:center;font-family:'SimHei','黑体',sans-serif;font-size:22px\">{E(Title(summary))}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"text-align:center\">{E(Byline(summary))}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"overview\" style=\"text-indent:2em\">{E(Overview(summary))}</p>");

        H2(html, "一、各项任务落实情况");
        html.Append(CultureInfo.InvariantCulture, $"<table style=\"{Table}\">");
        Row(html, true, "序号", "任务", "牵头单位", "报送情况", "未报送单位", "自评（推进/滞后/完成）", "状态", "说明");
        foreach (SectionSummary section in summary.Sections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td colspan=\"8\" style=\"{Cell};font-weight:bold;background:#f2f2f2\">{E(Text.ChineseNumerals.Format(section.Number))}、{E(section.Title)}</td></tr>");
            foreach (TaskSummary t in section.Tasks)
            {
                html.Append("<tr>");
                Td(html, Text.ChineseNumerals.Format(t.Number));
                Td(html, t.Title);
                Td(html, t.LeadUnit);
                Td(html, Reporting(t));
                Td(html, MissingUnits(t));
                Td(html, SelfAssessment(t));
                html.Append(CultureInfo.InvariantCulture, $"<td style=\"{Cell};background:{Colour(t.Status)};font-weight:bold;text-align:center\">{Rag(t.Status)}</td>");
                Td(html, string.Join("；", t.Reasons));
                html.Append("</tr>");
            }
        }

        html.Append("</table>");

        H2(html, "二、主要指标完成情况");
        html.Append(CultureInfo.InvariantCulture, $"<table style=\"{Table}\">");
        Row(html, true, "任务", "指标", "目标", "完成值", "完成比例", "序时进度", "是否达序时", "上季度");
        foreach (TaskSummary t in summary.Tasks)
        {
            foreach (IndicatorSummary i in t.Indicators)
            {
                Row(html, false, Text.ChineseNumerals.Format(t.Number), i.Name, Target(i), Reading(i), Percent(i), N(i.ExpectedPercent) + "%", OnPace(i), i.PreviousValue is decimal pv ? N(pv) + i.Unit : "—");
            }
        }

        html.Append("</table>");

        H2(html, "三、节点任务完成情况");
        if (summary.Deadlines.Count == 0)
        {
            html.Append("<p>本季度末前无到期节点任务。</p>");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<table style=\"{Table}\">");
            Row(html, true, "任务", "节点要求", "时限", "完成情况");
            foreach (DeadlineSummary d in summary.Deadlines)
            {
                Row(html, false, TaskLabel(d.Task, d.TaskTitle), d.Text, Date(d.Date), Deadline(d.State));
            }

            html.Append("</table>");
        }

        H2(html, "四、逾期报送情况");
        if (summary.LateUnits.Count == 0)
        {
            html.Append("<p>所有单位均按时报送。</p>");
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<table style=\"{Table}\">");
            Row(html, true, "单位", "逾期报送（项）", "未报送（项）", "最长逾期（工作日）", "最高督办级别");
            foreach (LateUnit u in summary.LateUnits)
            {
                Row(html, false, u.Name, u.LateTasks.ToString(CultureInfo.InvariantCulture), u.MissingTasks.ToString(CultureInfo.InvariantCulture), u.WorkingDaysLate.ToString(CultureInfo.InvariantCulture), Level(u.HighestLevel));
            }

            html.Append("</table>");
        }

        H2(html, "五、拟表扬和拟问责单位");
        html.Append(CultureInfo.InvariantCulture, $"<p><b>拟表扬：</b>{E(Mentions(summary.Commended))}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p><b>拟问责：</b>{E(Mentions(summary.Accountable))}</p>");

        if (summary.Change is { } change)
        {
            H2(html, $"六、与{change.Previous.ChineseName}对比");
            html.Append(CultureInfo.InvariantCulture, $"<table style=\"{Table}\">");
            Row(html, true, "任务", "上季度", "本季度", "变化");
            foreach (TaskChange c in change.Tasks)
            {
                Row(html, false, TaskLabel(c.Task, c.Title), Rag(c.Before), Rag(c.Now), c.Now < c.Before ? "好转" : c.Now > c.Before ? "退步" : "持平");
            }

            html.Append("</table>");
        }

        html.Append("<p style=\"margin-top:24px;color:#555;font-size:13px\">本报告由“六稳六保”落实情况调度系统根据各单位报送数据自动汇总。</p></div>");
        return html.ToString();
    }

    public static string Mentions(IReadOnlyList<UnitMention> mentions) =>
        mentions.Count == 0 ? "无" : string.Join("；", mentions.Select(m => $"{m.Name}（{m.Reason}）"));

    public static string Colour(Rag rag) => rag switch
    {
        Reports.Rag.Green => "#c8e6c9",
        Reports.Rag.Amber => "#fff3b0",
        _ => "#ffcdd2",
    };

    private static void H2(StringBuilder html, string text) =>
        html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-family:'SimHei','黑体',sans-serif;font-size:17px;margin-top:20px\">{E(text)}</h2>");

    private static void Row(StringBuilder html, bool head, params string[] cells)
    {
        html.Append("<tr>");
        foreach (string cell in cells)
        {
            html.Append(head ? $"<th style=\"{Cell};background:#e8e8e8\">{E(cell)}</th>" : $"<td style=\"{Cell}\">{E(cell)}</td>");
        }

        html.Append("</tr>");
    }

    private static void Td(StringBuilder html, string text) => html.Append(CultureInfo.InvariantCulture, $"<td style=\"{Cell}\">{E(text)}</td>");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
