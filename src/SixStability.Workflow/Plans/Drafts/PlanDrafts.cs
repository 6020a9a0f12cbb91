namespace SixStability.Workflow.Plans.Drafts;

/// <summary>Reads a stored draft as the review shows it: resolved against today's directory, with what stops it from being confirmed.</summary>
internal static class PlanDrafts
{
    public static PlanDraftView View(Versioned<PlanDraftRecord> stored, UnitDirectory? directory)
    {
        PlanDraftRecord record = stored.Value;
        PlanDraft draft = record.Draft.Resolve(directory);
        IReadOnlyList<string> problems = directory is null
            ? ["尚未导入单位名录：请先导入名录，再确认方案。"]
            : draft.Confirm(directory) is { IsRefused: true } refused
                ? refused.Refusal.Errors.Count > 0 ? [.. refused.Refusal.Errors.Select(e => e.Message)] : [refused.Refusal.Message]
                : [];
        return new PlanDraftView(draft, record.FileName, draft.Tasks.Count(), draft.NotTasks.Count(), draft.Unknown.Count(), problems.Count == 0, problems, record.ConfirmedVersion, stored.ETag);
    }

    public static Outcome<T> Refused<T>(PlanRefusal refusal) =>
        Outcome.Refused<T>(refusal.Errors.Count > 0 ? RuleViolation.Of(refusal.Message, refusal.Errors) : RuleViolation.Field("body", refusal.Message));

    /// <summary>
    /// The draft a change acts on: a malformed plan id is refused, a missing draft is not found, and a draft changed since
    /// the reader's copy (If-Match) is a conflict with <paramref name="staleMessage"/>.
    /// </summary>
    public static async Task<Outcome<Versioned<PlanDraftRecord>>> FindAsync(IPlanDraftStore drafts, string planId, string? ifMatch, string staleMessage, CancellationToken cancellationToken)
    {
        if (PlanIdRule.Refuse<Versioned<PlanDraftRecord>>(planId) is { } invalid)
        {
            return invalid;
        }

        Versioned<PlanDraftRecord>? stored = await drafts.GetAsync(planId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return NoDraft<Versioned<PlanDraftRecord>>(planId);
        }

        return ifMatch is not null && ifMatch != stored.ETag ? Outcome.Conflict<Versioned<PlanDraftRecord>>(staleMessage) : stored;
    }

    public static Outcome<T> NoDraft<T>(string planId) => Outcome.NotFound<T>($"方案“{planId}”没有待审核的草稿：请先上传方案文件。");
}
