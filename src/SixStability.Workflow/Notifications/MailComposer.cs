using SixStability.Workflow.Notifications.Mail;

namespace SixStability.Workflow.Notifications;

/// <summary>
/// Writes each kind of mail for each of its readers from a Razor component (so every value is
/// encoded), with the plain-text part read off the same HTML. Values are never parsed as template
/// syntax: a plan title of <c>{{x}}</c> or <c>&lt;img&gt;</c> is just text. Reminders and escalations
/// also go to every group robot the reader named, written from the same facts (<see cref="RobotMessages"/>).
/// </summary>
public sealed class MailComposer(HtmlComposer html)
{
    public Task<MailBatch> OpeningAsync(CycleFacts cycle, string step, IEnumerable<UnitNotice> notices) =>
        ToUnitsAsync<OpeningMail>(cycle, step, MailKind.Open, notices, MailSubjects.Opening);

    public Task<MailBatch> ReminderAsync(CycleFacts cycle, string step, IEnumerable<UnitNotice> notices) =>
        ToUnitsAsync<ReminderMail>(cycle, step, MailKind.Reminder, notices, MailSubjects.Reminder, RobotMessages.Reminder);

    /// <summary>
    /// One escalation level: each late unit hears about its own tasks; its 分管市领导, the 督查室 and the
    /// coordinator hear about every unit they must know of. Everyone reads exactly who is late on what.
    /// </summary>
    public async Task<MailBatch> EscalationAsync(CycleFacts cycle, string step, int level, IEnumerable<EscalationReader> readers)
    {
        ArgumentNullException.ThrowIfNull(readers);
        var recipients = new List<MailRecipient>();
        foreach (EscalationReader reader in readers)
        {
            RenderedMail mail = await RenderAsync<EscalationMail>(MailSubjects.Escalation(cycle, level, reader), new() { ["Cycle"] = cycle, ["Level"] = level, ["Reader"] = reader }).ConfigureAwait(false);
            recipients.Add(new MailRecipient(reader.Key, [reader.Contact], mail, reader.Unit, Robots: Robots(reader.Contact.Channels, c => RobotMessages.Escalation(cycle, level, reader, c))));
        }

        return new MailBatch(Id(cycle), step, MailKind.Escalation, recipients);
    }

    public async Task<MailBatch> ReturnedAsync(CycleFacts cycle, string step, Unit unit, OwedTask task, string reason, Uri link)
    {
        ArgumentNullException.ThrowIfNull(unit);
        RenderedMail mail = await RenderAsync<ReturnedMail>(MailSubjects.Returned(cycle, task), new() { ["Cycle"] = cycle, ["UnitName"] = unit.Name, ["Task"] = task, ["Reason"] = reason, ["Link"] = link }).ConfigureAwait(false);
        return new MailBatch(Id(cycle), step, MailKind.Returned, [UnitRecipient(unit, mail)]);
    }

    public async Task<MailBatch> ExtensionDecisionAsync(CycleFacts cycle, string step, Unit unit, bool approved, DateOnly due, string? note, Uri link)
    {
        ArgumentNullException.ThrowIfNull(unit);
        RenderedMail mail = await RenderAsync<ExtensionMail>(MailSubjects.ExtensionDecision(cycle, approved, due), new() { ["Cycle"] = cycle, ["UnitName"] = unit.Name, ["Approved"] = approved, ["Due"] = due, ["Note"] = note, ["Link"] = link }).ConfigureAwait(false);
        return new MailBatch(Id(cycle), step, MailKind.Extension, [UnitRecipient(unit, mail)]);
    }

    /// <summary>The quarterly report to each reader: their greeting, one line, then the report (its 主送 line left to the greeting).</summary>
    public async Task<MailBatch> SummaryAsync(CycleFacts cycle, string step, IReadOnlyList<Contact> readers, ReportDocument document, IReadOnlyList<MailAttachment> attachments)
    {
        ArgumentNullException.ThrowIfNull(readers);
        ArgumentNullException.ThrowIfNull(attachments);
        var recipients = new List<MailRecipient>();
        for (int i = 0; i < readers.Count; i++)
        {
            RenderedMail mail = await RenderAsync<SummaryMail>(MailSubjects.Summary(cycle), new() { ["Cycle"] = cycle, ["Reader"] = readers[i].Name, ["Document"] = document, ["HasAttachment"] = attachments.Count > 0 }).ConfigureAwait(false);
            recipients.Add(new MailRecipient($"summary-{i}", [readers[i]], mail));
        }

        return new MailBatch(Id(cycle), step, MailKind.Summary, recipients, attachments);
    }

    /// <summary>One mail per unit told at a step, each listing what that unit owes.</summary>
    /// <param name="robot">The same notice for the unit's group robots; null where only mail goes (the opening notice).</param>
    private async Task<MailBatch> ToUnitsAsync<TComponent>(CycleFacts cycle, string step, MailKind kind, IEnumerable<UnitNotice> notices, Func<CycleFacts, UnitNotice, string> subject, Func<CycleFacts, UnitNotice, ChannelAddress, RobotMessage>? robot = null)
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        ArgumentNullException.ThrowIfNull(notices);
        var recipients = new List<MailRecipient>();
        foreach (UnitNotice notice in notices)
        {
            RenderedMail mail = await RenderAsync<TComponent>(subject(cycle, notice), new() { ["Cycle"] = cycle, ["Notice"] = notice }).ConfigureAwait(false);
            recipients.Add(UnitRecipient(notice.Unit, mail) with { Robots = robot is null ? null : Robots(notice.Unit.Channels, c => robot(cycle, notice, c)) });
        }

        return new MailBatch(Id(cycle), step, kind, recipients);
    }

    private static IReadOnlyList<RobotNote>? Robots(IReadOnlyList<ChannelAddress>? channels, Func<ChannelAddress, RobotMessage> write) =>
        channels is { Count: > 0 } ? [.. channels.Select(c => new RobotNote(c, write(c)))] : null;

    private async Task<RenderedMail> RenderAsync<TComponent>(string subject, Dictionary<string, object?> parameters)
        where TComponent : Microsoft.AspNetCore.Components.IComponent
    {
        string body = await html.RenderAsync<TComponent>(parameters).ConfigureAwait(false);
        return new RenderedMail(subject, body, PlainText.FromHtml(body));
    }

    private static MailRecipient UnitRecipient(Unit unit, RenderedMail mail) => new(unit.Id, [new Contact(unit.Name, unit.Email)], mail, unit.Id);

    private static string Id(CycleFacts cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return cycle.CycleId;
    }
}
