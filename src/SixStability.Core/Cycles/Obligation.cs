using SixStability.Core.Submissions;

namespace SixStability.Core.Cycles;

/// <summary>
/// What one responsible unit owes for one task in one cycle. The lead unit's (牵头单位) obligation
/// carries the task's indicators; co-units report their part.
/// </summary>
/// <param name="Returns">How many times a submission was returned (退回) for revision; the score counts them.</param>
/// <param name="AcceptedAt">When the coordinator accepted (通过, 已审核) the submission as it stands; a new submission or a return clears it.</param>
public sealed record Obligation(
    string CycleId,
    string UnitId,
    int TaskNumber,
    bool IsLead,
    ObligationState State,
    DateOnly Due,
    int EscalationLevel = 0,
    bool Late = false,
    DateTimeOffset? SubmittedAt = null,
    string? ReturnReason = null,
    int Revision = 0,
    ReportedFigures? Figures = null,
    IReadOnlyList<Attachment>? Attachments = null,
    int Returns = 0,
    DateTimeOffset? AcceptedAt = null)
{
    /// <summary>Still to be reported: outstanding, or a draft not yet submitted.</summary>
    public bool IsOwed => State != ObligationState.Submitted;

    /// <summary>已审核: submitted and accepted by the coordinator as it stands.</summary>
    public bool IsAccepted => State == ObligationState.Submitted && AcceptedAt is not null;

    /// <summary>A unit's submission; late when the cycle's day (<paramref name="today"/>) is past the unit's due day.</summary>
    public Obligation Submit(DateTimeOffset at, DateOnly today, ReportedFigures? figures = null) =>
        this with { State = ObligationState.Submitted, SubmittedAt = at, Late = today > Due, ReturnReason = null, Figures = figures ?? Figures, AcceptedAt = null };

    /// <summary>The unit's files; a closed cycle or a full list is refused by the caller through <see cref="AttachmentRules"/>.</summary>
    public IReadOnlyList<Attachment> Files => Attachments ?? [];

    public Obligation Attach(Attachment file) => this with { Attachments = [.. Files, file] };

    public Outcome<Obligation> Detach(string id) => Files.Any(f => f.Id == id)
        ? this with { Attachments = [.. Files.Where(f => f.Id != id)] }
        : Outcome.NotFound<Obligation>(MissingFile);

    /// <summary>
    /// A draft the unit saved (保存草稿), keeping its figures so far (the summary counts figures only once
    /// submitted); a submitted report stays submitted until revised by a new submission.
    /// </summary>
    public Outcome<Obligation> SaveDraft(ReportedFigures? figures = null) =>
        State == ObligationState.Submitted
            ? Outcome.Conflict<Obligation>(ReviseBySubmitting)
            : this with { State = ObligationState.Draft, Figures = figures ?? Figures };

    /// <summary>退回: the coordinator returns a submission for revision; it is owed again.</summary>
    public Outcome<Obligation> Return(string reason) =>
        State == ObligationState.Submitted
            ? this with { State = ObligationState.Outstanding, ReturnReason = reason, Returns = Returns + 1, AcceptedAt = null }
            : Outcome.Conflict<Obligation>(NothingToReturn);

    /// <summary>
    /// 通过: the coordinator accepts the submission as it stands. Accepting an accepted one keeps the first time,
    /// so a retried or double click changes nothing.
    /// </summary>
    public Outcome<Obligation> Accept(DateTimeOffset at) => State switch
    {
        ObligationState.Submitted when AcceptedAt is not null => this,
        ObligationState.Submitted => this with { AcceptedAt = at },
        _ => Outcome.Conflict<Obligation>(NothingToAccept),
    };

    public const string MissingFile = "该附件不存在或已删除。";
    public const string ReviseBySubmitting = "已报送的材料如需修改，请直接重新报送。";
    public const string NothingToReturn = "该任务尚未报送，无需退回。";
    public const string NothingToAccept = "该任务尚未报送或已退回，无法审核通过。";

    /// <summary>The revision as an HTTP entity tag: a form carries it back, so a stale form is refused (<see cref="CheckRevision"/>).</summary>
    public string RevisionTag => $"\"r{Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"";

    /// <summary>Refuses a change made from a form that showed an older revision (another window, another clerk).</summary>
    public Outcome<Obligation> CheckRevision(string? expected) =>
        expected is null || expected == RevisionTag ? this : Outcome.Conflict<Obligation>(CycleMessages.Stale);

    /// <summary>Keeps the highest escalation level reached (黄 1, 橙 2, 红 3).</summary>
    public Obligation Escalate(int level) => this with { EscalationLevel = Math.Max(EscalationLevel, level) };
}

public enum ObligationState
{
    Outstanding,
    Draft,
    Submitted,
}
