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
}
