namespace SixStability.Core.Notifications;

/// <summary>What a mail is for; also its SendGrid category, so delivery events can be grouped.</summary>
public enum MailKind
{
    /// <summary>开启通知.</summary>
    Open,

    /// <summary>催报.</summary>
    Reminder,

    /// <summary>督办.</summary>
    Escalation,

    /// <summary>退回修改.</summary>
    Returned,

    /// <summary>延期申请的答复.</summary>
    Extension,

    /// <summary>季度汇总.</summary>
    Summary,
}

public static class MailKinds
{
    /// <summary>The category name sent to SendGrid (open, reminder, escalation, returned, extension, summary).</summary>
    public static string Category(this MailKind kind) => kind switch
    {
        MailKind.Open => "open",
        MailKind.Reminder => "reminder",
        MailKind.Escalation => "escalation",
        MailKind.Returned => "returned",
        MailKind.Extension => "extension",
        MailKind.Summary => "summary",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The name a person reads for the kind (开启通知, 催报 …), e.g. in the development mail sink.</summary>
    public static string ChineseName(this MailKind kind) => kind switch
    {
        MailKind.Open => "开启通知",
        MailKind.Reminder => "催报",
        MailKind.Escalation => "督办",
        MailKind.Returned => "退回修改",
        MailKind.Extension => "延期答复",
        MailKind.Summary => "季度汇总",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind a category name stands for (<see cref="Category"/>), or null for a name no mail uses.</summary>
    public static MailKind? FromCategory(string? category) =>
        Enum.GetValues<MailKind>().Cast<MailKind?>().FirstOrDefault(k => k!.Value.Category() == category);
}
