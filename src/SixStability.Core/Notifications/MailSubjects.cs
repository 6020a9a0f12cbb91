namespace SixStability.Core.Notifications;

/// <summary>
/// What each mail's subject says at a glance: what is asked and by when
/// (【催报】2020年第三季度“六稳六保”落实情况 — 还差2项，10月14日截止).
/// </summary>
public static class MailSubjects
{
    public static string Opening(CycleFacts cycle, UnitNotice notice) =>
        $"【报送通知】{Topic(cycle)} — 共{Count(notice)}项，{ChineseDates.MonthDay(notice.Due)}前报送";

    public static string Reminder(CycleFacts cycle, UnitNotice notice) =>
        $"【催报】{Topic(cycle)} — 还差{Count(notice)}项，{ChineseDates.MonthDay(notice.Due)}截止";

    public static string Escalation(CycleFacts cycle, int level, EscalationReader reader) =>
        $"【督办·{EscalationColours.Name(level)}】{Topic(cycle)} — {EscalationHeadline(reader)}";

    /// <summary>贵单位2项逾期未报 for the unit, 2个单位3项逾期未报 for the people above.</summary>
    public static string EscalationHeadline(EscalationReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Unit is not null
            ? $"贵单位{reader.Late.Count}项逾期未报"
            : $"{reader.Late.Select(l => l.UnitName).Distinct(StringComparer.Ordinal).Count()}个单位{reader.Late.Count}项逾期未报";
    }

    public static string Returned(CycleFacts cycle, OwedTask task) => $"【退回修改】{Topic(cycle)} — {task?.Label}";

    public static string ExtensionDecision(CycleFacts cycle, bool approved, DateOnly due) =>
        $"【延期申请】{Topic(cycle)} — {(approved ? $"已同意，截止时间延至{ChineseDates.MonthDay(due)}" : "未获同意")}";

    public static string Summary(CycleFacts cycle) => $"【季度汇总】{Topic(cycle)}汇总报告";

    private static string Topic(CycleFacts cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return cycle.Topic;
    }

    private static int Count(UnitNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.Owed.Count;
    }
}
