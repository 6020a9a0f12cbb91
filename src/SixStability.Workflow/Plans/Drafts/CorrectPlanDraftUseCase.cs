namespace SixStability.Workflow.Plans.Drafts;

/// <summary>
/// One correction to a draft (a task's units, a suggestion accepted, task / not a task, a title): a
/// correction that does not fit is refused by Core's draft rules and changes nothing; one made against a
/// draft someone has changed since (If-Match) is a conflict.
/// </summary>
public sealed class CorrectPlanDraftUseCase(IPlanDraftStore drafts, IDirectoryStore directory)
{
    public async Task<Outcome<PlanDraftView>> RunAsync(CorrectPlanDraftCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        Outcome<Versioned<PlanDraftRecord>> found = await PlanDrafts.FindAsync(drafts, command.PlanId, command.IfMatch, "草稿已被他人修改，请刷新后再改。", cancellationToken).ConfigureAwait(false);
        if (!found.IsOk)
        {
            return found.As<PlanDraftView>();
        }

        Versioned<PlanDraftRecord> stored = found.Value!;

        UnitDirectory? units = (await directory.GetAsync(null, cancellationToken).ConfigureAwait(false))?.Value;
        var applied = stored.Value.Draft.Apply(command.Correction, units);
        if (applied.IsRefused)
        {
            return PlanDrafts.Refused<PlanDraftView>(applied.Refusal);
        }

        // A confirmed draft that is corrected again is a new review: it no longer stands for the stored version.
        PlanDraftRecord record = stored.Value with { Draft = applied.Value, ConfirmedVersion = null };
        Outcome<StoredVersion> saved = await drafts.PutAsync(record, stored.ETag, cancellationToken).ConfigureAwait(false);
        return saved.IsOk ? PlanDrafts.View(new Versioned<PlanDraftRecord>(record, saved.Value!), units) : saved.As<PlanDraftView>();
    }
}

/// <param name="IfMatch">The draft's ETag as the page last read it; without it the correction applies to the newest draft.</param>
public sealed record CorrectPlanDraftCommand(string PlanId, PlanCorrection Correction, string? IfMatch);
