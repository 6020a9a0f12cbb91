using System.Security.Cryptography;

namespace SixStability.Workflow.Plans.Drafts;

/// <summary>
/// The coordinator uploads a plan file (text in UTF-8 or GB18030, or .docx): it becomes the plan's draft,
/// replacing any draft not yet confirmed. Corrections confirmed with the plan before are replayed, so the
/// same file uploaded again drafts to the same catalog. Nothing changes the plan until confirmation.
/// </summary>
public sealed partial class UploadPlanDraftUseCase(IPlanDraftStore drafts, IDirectoryStore directory, IPlanStore plans, ILogger<UploadPlanDraftUseCase> logger)
{
    public async Task<Outcome<PlanDraftView>> RunAsync(UploadPlanDraftCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (PlanIdRule.Refuse<PlanDraftView>(command.PlanId) is { } invalid)
        {
            return invalid;
        }

        Versioned<PlanDraftRecord>? previous = await drafts.GetAsync(command.PlanId, cancellationToken).ConfigureAwait(false);
        string hash = Convert.ToHexString(SHA256.HashData(command.File));
        IReadOnlyList<PlanCorrection> confirmed = previous?.Value.Confirmed ?? [];
        bool sameFile = previous?.Value.ConfirmedHash == hash;
        UnitDirectory? units = (await directory.GetAsync(null, cancellationToken).ConfigureAwait(false))?.Value;
        var read = PlanDraft.Import(command.PlanId, command.File, command.FileName, command.ContentType, units, sameFile ? confirmed : null);
        if (read.IsRefused)
        {
            return PlanDrafts.Refused<PlanDraftView>(read.Refusal);
        }

        PlanDraft draft = read.Value;
        if (!sameFile && confirmed.Count > 0)
        {
            draft = draft with { Warnings = [.. draft.Warnings, new PlanWarning(0, "此文件与上次确认的方案文件不同，上次审核时所做的修改未沿用，请逐项核对。")] };
        }

        Versioned<PlanCatalog>? plan = await plans.GetAsync(command.PlanId, null, cancellationToken).ConfigureAwait(false);
        string fileName = string.IsNullOrWhiteSpace(command.FileName) ? "（未命名文件）" : command.FileName.Trim();
        var record = new PlanDraftRecord(draft, fileName, null, confirmed, hash, previous?.Value.ConfirmedHash, plan?.ETag);
        Outcome<StoredVersion> stored = await drafts.PutAsync(record, previous?.ETag, cancellationToken).ConfigureAwait(false);
        if (!stored.IsOk)
        {
            return stored.As<PlanDraftView>();
        }

        PlanDraftView view = PlanDrafts.View(new Versioned<PlanDraftRecord>(record, stored.Value!), units);
        LogDrafted(logger, command.PlanId, view.Tasks, view.UnknownUnits);
        return view;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId} drafted from an upload: {Tasks} tasks, {Unknown} unit names to resolve")]
    private static partial void LogDrafted(ILogger logger, string planId, int tasks, int unknown);
}

/// <param name="FileName">The file's name as the coordinator's computer had it (its extension helps tell the form).</param>
public sealed record UploadPlanDraftCommand(string PlanId, byte[] File, string? FileName, string? ContentType);
