using SixStability.Core.Calendar;
using SixStability.Core.Text;
using SixStability.Core.Units;

namespace SixStability.Core.Notifications;

/// <summary>The facts every mail of a cycle shares.</summary>
public sealed record CycleFacts(string CycleId, string PlanTitle, Quarter Quarter, Contact Coordinator)
{
    /// <summary>2020年第三季度“六稳六保”落实情况.</summary>
    public string Topic => $"{Quarter.ChineseName}“六稳六保”落实情况";
}

/// <summary>A task a unit still owes, with its own due date.</summary>
public sealed record OwedTask(int Number, string Title, DateOnly Due, int WorkingDaysLeft)
{
    public string Label => $"（{ChineseNumerals.Format(Number)}）{Title}";
}

/// <summary>One unit late on one task.</summary>
public sealed record LateItem(string UnitName, int TaskNumber, string TaskTitle, int WorkingDaysLate);

/// <summary>
/// The cycle's mails in Simplified Chinese. Subjects say at a glance what is asked and by when
/// (【催报】2020年第三季度“六稳六保”落实情况 — 还差2项，10月14日截止).
/// </summary>
public static class Notices
{
    private const string Footer = "\n\n此邮件由“六稳六保”落实情况调度系统自动发送。如有疑问，请联系{{coordinator}}（{{coordinatorEmail}}）。";

    public static MailBatch Opening(CycleFacts cycle, string step, IEnumerable<(Unit Unit, IReadOnlyList<OwedTask> Owed, Uri Link)> units)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var template = Template(
            $"【报送通知】{cycle.Topic} — 共{{{{count}}}}项，{{{{due}}}}前报送",
            "{{unit}}：\n\n" +
            $"根据《{cycle.PlanTitle}》“组织保障”要求，市发改委每季度汇总梳理各县（市、区）、各部门贯彻落实情况并报告市政府。" +
            $"现请贵单位报送{cycle.Quarter.ChineseName}落实情况，截止时间为{{{{dueLong}}}}。\n\n" +
            "贵单位需报送以下{{count}}项任务（牵头任务请同时填报量化指标完成值）：\n{{owed}}\n\n" +
            "请通过贵单位的专属链接填报（无需登录，请勿转发）：\n{{link}}\n\n可先保存草稿，截止前可随时修改。");
        return new MailBatch(cycle.CycleId, step, MailKind.Open, template, units.Select(u => UnitRecipient(cycle, u.Unit, u.Owed, u.Link)).ToList());
    }

    public static MailBatch Reminder(CycleFacts cycle, string step, IEnumerable<(Unit Unit, IReadOnlyList<OwedTask> Owed, Uri Link)> units)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var template = Template(
            $"【催报】{cycle.Topic} — 还差{{{{count}}}}项，{{{{due}}}}截止",
            "{{unit}}：\n\n" +
            $"贵单位{cycle.Quarter.ChineseName}落实情况尚有{{{{count}}}}项未报送，截止时间为{{{{dueLong}}}}（{{{{daysLeft}}}}）：\n{{{{owed}}}}\n\n" +
            "请尽快通过专属链接填报：\n{{link}}\n\n逾期未报的，将按规定逐级督办。");
        return new MailBatch(cycle.CycleId, step, MailKind.Reminder, template, units.Select(u => UnitRecipient(cycle, u.Unit, u.Owed, u.Link)).ToList());
    }

    /// <summary>
    /// One escalation level: the late unit hears about its own tasks; its 分管市领导, the 督查室 and the
    /// coordinator hear about every unit they must know of. Everyone reads exactly who is late on what.
    /// </summary>
    public static MailBatch Escalation(CycleFacts cycle, string step, int level, IEnumerable<EscalationReader> readers)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        string colour = EscalationColours.Name(level);
        var template = Template(
            $"【督办·{colour}】{cycle.Topic} — {{{{headline}}}}",
            "{{reader}}：\n\n" +
            $"{cycle.Quarter.ChineseName}落实情况报送已过截止时间，现进行第{level}级（{colour}）督办。{{{{headline}}}}：\n{{{{late}}}}\n\n" +
            "{{action}}");
        var recipients = readers.Select(r =>
        {
            var values = Common(cycle);
            values["reader"] = MailValue.Of(r.Name);
            values["headline"] = MailValue.Of(r.Unit is not null
                ? $"贵单位{r.Late.Count}项逾期未报"
                : $"{r.Late.Select(l => l.UnitName).Distinct(StringComparer.Ordinal).Count()}个单位{r.Late.Count}项逾期未报");
            values["late"] = MailValue.Table(
                ["单位", "任务", "逾期（工作日）"],
                r.Late.OrderByDescending(l => l.WorkingDaysLate).ThenBy(l => l.UnitName, StringComparer.Ordinal).ThenBy(l => l.TaskNumber)
                    .Select(l => (IReadOnlyList<string>)[l.UnitName, $"（{ChineseNumerals.Format(l.TaskNumber)}）{l.TaskTitle}", l.WorkingDaysLate.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
            values["action"] = r.Link is not null
                ? new MailValue($"请立即通过专属链接补报：{r.Link.AbsoluteUri}", $"请立即通过专属链接补报：{MailValue.Link(r.Link).Html}")
                : MailValue.Of(level >= 3 ? "第3级督办后仍未报送的单位，将作为问责候选列入季度汇总。" : "请督促相关单位尽快报送。");
            return new MailRecipient(r.Key, [r.Contact], values, r.Unit);
        }).ToList();
        return new MailBatch(cycle.CycleId, step, MailKind.Escalation, template, recipients);
    }

    public static MailBatch Returned(CycleFacts cycle, string step, Unit unit, OwedTask task, string reason, Uri link)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(task);
        var template = Template(
            $"【退回修改】{cycle.Topic} — {{{{task}}}}",
            "{{unit}}：\n\n贵单位报送的{{task}}落实情况已被退回，请按以下意见修改后重新报送（截止时间{{dueLong}}）：\n{{reason}}\n\n修改链接：\n{{link}}");
        var values = UnitValues(cycle, unit, [task], link);
        values["task"] = MailValue.Of(task.Label);
        values["reason"] = MailValue.Of(reason);
        return new MailBatch(cycle.CycleId, step, MailKind.Returned, template, [new MailRecipient(unit.Id, [new Contact(unit.Name, unit.Email)], values, unit.Id)]);
    }

    public static MailBatch ExtensionDecision(CycleFacts cycle, string step, Unit unit, bool approved, DateOnly due, string? note, Uri link)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(unit);
        var template = Template(
            $"【延期申请】{cycle.Topic} — {{{{decision}}}}",
            "{{unit}}：\n\n贵单位的延期申请{{decision}}。{{detail}}\n\n填报链接：\n{{link}}");
        var values = UnitValues(cycle, unit, [], link);
        values["decision"] = MailValue.Of(approved ? $"已同意，截止时间延至{ChineseDates.MonthDay(due)}" : "未获同意");
        values["detail"] = MailValue.Of((approved ? $"新的截止时间为{ChineseDates.Full(due)}。" : $"截止时间仍为{ChineseDates.Full(due)}。") + (string.IsNullOrWhiteSpace(note) ? string.Empty : $"说明：{note}"));
        return new MailBatch(cycle.CycleId, step, MailKind.Extension, template, [new MailRecipient(unit.Id, [new Contact(unit.Name, unit.Email)], values, unit.Id)]);
    }

    public static MailBatch Summary(CycleFacts cycle, string step, IReadOnlyList<Contact> recipients, MailValue overview, IReadOnlyList<MailAttachment> attachments)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(attachments);
        var template = Template(
            $"【季度汇总】{cycle.Topic}汇总报告",
            $"{{{{reader}}}}：\n\n现将{cycle.Topic}汇总报告如下{(attachments.Count > 0 ? "，正式文件见附件" : string.Empty)}。\n\n{{{{overview}}}}");
        var list = recipients.Select((c, i) =>
        {
            var values = Common(cycle);
            values["reader"] = MailValue.Of(c.Name);
            values["overview"] = overview;
            return new MailRecipient($"summary-{i}", [c], values);
        }).ToList();
        return new MailBatch(cycle.CycleId, step, MailKind.Summary, template, list, attachments);
    }

    private static MailTemplate Template(string subject, string body)
    {
        string text = body + Footer;
        string html = "<div style=\"font-family:'Microsoft YaHei','PingFang SC',SimSun,sans-serif;font-size:14px;line-height:1.7\"><p>"
            + text.Replace("\n\n", "</p><p>", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal)
            + "</p></div>";
        return new MailTemplate(subject, html, text);
    }

    private static MailRecipient UnitRecipient(CycleFacts cycle, Unit unit, IReadOnlyList<OwedTask> owed, Uri link) =>
        new(unit.Id, [new Contact(unit.Name, unit.Email)], UnitValues(cycle, unit, owed, link), unit.Id);

    private static Dictionary<string, MailValue> UnitValues(CycleFacts cycle, Unit unit, IReadOnlyList<OwedTask> owed, Uri link)
    {
        var values = Common(cycle);
        DateOnly due = owed.Count > 0 ? owed.Min(o => o.Due) : default;
        int daysLeft = owed.Count > 0 ? owed.Min(o => o.WorkingDaysLeft) : 0;
        values["unit"] = MailValue.Of(unit.Name);
        values["count"] = MailValue.Of(owed.Count);
        values["owed"] = MailValue.List(owed.Select(o => owed.Select(x => x.Due).Distinct().Count() > 1 ? $"{o.Label}（{ChineseDates.MonthDay(o.Due)}截止）" : o.Label));
        values["due"] = MailValue.Of(owed.Count > 0 ? ChineseDates.MonthDay(due) : string.Empty);
        values["dueLong"] = MailValue.Of(owed.Count > 0 ? ChineseDates.Full(due) + "18:00" : string.Empty);
        values["daysLeft"] = MailValue.Of(daysLeft > 0 ? $"还剩{daysLeft}个工作日" : "今天截止");
        values["link"] = MailValue.Link(link);
        return values;
    }

    private static Dictionary<string, MailValue> Common(CycleFacts cycle) => new(StringComparer.Ordinal)
    {
        ["coordinator"] = MailValue.Of(cycle.Coordinator.Name),
        ["coordinatorEmail"] = MailValue.Of(cycle.Coordinator.Email),
    };
}

/// <summary>Someone told at an escalation level, and what they are told about.</summary>
/// <param name="Unit">The late unit's id when the reader is that unit; null for leaders and offices.</param>
public sealed record EscalationReader(string Key, string Name, Contact Contact, IReadOnlyList<LateItem> Late, string? Unit = null, Uri? Link = null);

/// <summary>Escalation levels are colour-coded: 1 黄色, 2 橙色, 3 红色.</summary>
public static class EscalationColours
{
    public static string Name(int level) => level switch
    {
        <= 1 => "黄色",
        2 => "橙色",
        _ => "红色",
    };
}
