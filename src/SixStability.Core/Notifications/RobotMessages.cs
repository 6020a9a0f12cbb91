namespace SixStability.Core.Notifications;

/// <summary>
/// Reminders and escalations for a group chat, written from the same facts as the mail (<see cref="UnitNotice"/>,
/// <see cref="EscalationReader"/>): what is owed or late, the due day, working days left or late, and the link
/// to act on — short enough to read on a phone. The mail stays the full record.
/// </summary>
public static class RobotMessages
{
    /// <summary>催报 to a unit's group: what it still owes, by when, how many working days are left, its own link.</summary>
    public static RobotMessage Reminder(CycleFacts cycle, UnitNotice notice, ChannelAddress channel)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(channel);
        IReadOnlyList<string> mobiles = channel.Mobiles ?? [];
        string left = notice.WorkingDaysLeft > 0 ? $"还剩{notice.WorkingDaysLeft}个工作日" : "今天截止";
        var text = new RobotText()
            .Heading($"【催报】{cycle.Topic}")
            .Line((notice.Unit.Name, true), ("：还有", false), (notice.Owed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), true), ("项未报送，截止时间", false), ($"{ChineseDates.Full(notice.Due)}18:00", true), ("，", false), (left, true), ("。", false));
        foreach (OwedTask task in notice.Owed)
        {
            text.Item(task.Label + (notice.DatesDiffer ? $"（{ChineseDates.MonthDay(task.Due)}截止）" : string.Empty));
        }

        text.Link("打开填报页面", notice.Link);
        Mention(text, channel, mobiles);
        return text.Build($"【催报】{notice.Unit.Name}还差{notice.Owed.Count}项，{ChineseDates.MonthDay(notice.Due)}截止", mobiles);
    }

    /// <summary>
    /// 督办 at one level: a late unit hears what it owes and how late, with its link; a leader, the 督查室 or the
    /// coordinator hears which units are late on what, and the coordinator gets the board's link.
    /// </summary>
    public static RobotMessage Escalation(CycleFacts cycle, int level, EscalationReader reader, ChannelAddress channel)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(channel);
        IReadOnlyList<string> mobiles = channel.Mobiles ?? [];
        string colour = EscalationColours.Name(level);
        string headline = MailSubjects.EscalationHeadline(reader);
        var text = new RobotText(reader.Unit is not null ? "项" : "个单位").Heading($"【督办·{colour}】{cycle.Topic}");
        IEnumerable<LateItem> late = reader.Late.OrderByDescending(l => l.WorkingDaysLate).ThenBy(l => l.UnitName, StringComparer.Ordinal).ThenBy(l => l.TaskNumber);
        if (reader.Unit is not null)
        {
            int days = reader.Late.Count > 0 ? reader.Late.Max(l => l.WorkingDaysLate) : 0;
            text.Line((reader.Name, true), ("：", false), ($"{reader.Late.Count}项逾期未报", true), ("，已逾期", false), ($"{days}个工作日", true), ($"（第{level}级督办）。", false));
            foreach (LateItem item in late)
            {
                text.Item(item.TaskLabel);
            }
        }
        else
        {
            // One line per unit, the latest first: on a phone the reader wants who, how much, how late.
            text.Line((reader.Name, true), ("：", false), (headline, true), ($"（第{level}级督办）：", false));
            foreach (IGrouping<string, LateItem> unit in late.GroupBy(l => l.UnitName, StringComparer.Ordinal)
                .OrderByDescending(g => g.Max(l => l.WorkingDaysLate)).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                int days = unit.Max(l => l.WorkingDaysLate);
                text.Item(unit.Count() == 1 ? $"{unit.Key}：{unit.First().TaskLabel}，逾期{days}个工作日" : $"{unit.Key}：{unit.Count()}项，逾期{days}个工作日");
            }
        }

        if (reader.Link is not null)
        {
            text.Link("立即补报", reader.Link);
        }
        else
        {
            text.Line((level >= 3 ? "第3级督办后仍未报送的单位，将作为问责候选列入季度汇总。" : "请督促相关单位尽快报送。", false));
            if (reader.Board is not null)
            {
                text.Link("查看督办看板", reader.Board);
            }
        }

        Mention(text, channel, mobiles);
        return text.Build($"【督办·{colour}】{(reader.Unit is not null ? $"{reader.Name}{reader.Late.Count}项逾期未报" : headline)}", mobiles);
    }

    // WeCom markdown cannot @ by mobile (its text form can, through mentioned_mobile_list); DingTalk shows an @
    // only when the number also appears in the text.
    private static void Mention(RobotText text, ChannelAddress channel, IReadOnlyList<string> mobiles)
    {
        if (channel.Kind == ChannelKind.DingTalk)
        {
            text.Mentions(mobiles);
        }
    }
}
