namespace SixStability.Core.Notifications;

/// <summary>
/// One group-robot message as its group reads it on a phone: the same facts in markdown (WeCom, DingTalk) and
/// as plain text (a WeCom message that must @ someone by mobile goes as text: WeCom markdown cannot).
/// </summary>
/// <param name="Title">What a phone's notification shows (DingTalk's markdown title).</param>
/// <param name="Mobiles">Whom to @ in the group.</param>
public sealed record RobotMessage(string Title, string Markdown, string Text, IReadOnlyList<string> Mobiles);
