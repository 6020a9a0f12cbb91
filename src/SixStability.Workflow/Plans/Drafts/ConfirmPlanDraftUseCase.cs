namespace SixStability.Workflow.Plans.Drafts;

/// <summary>
/// The coordinator confirms a reviewed draft: Core's confirmation rules decide (every task has units, every
/// name is known); the accepted suggestions become aliases in a new directory version, then the catalog
/// becomes the plan's next version. Cycles already running keep the version they opened with.
/// </summary>
public sealed partial class ConfirmPlanDraftUseCase(IPlanDraftStore drafts, IDirectoryStore directory, IPlanStore plans, AuditTrail audit, ILogger<ConfirmPlanDraftUseCase> logger)
{
    public async Task<Outcome<PlanStored>> RunAsync(ConfirmPlanDraftCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        Outcome<Versioned<PlanDraftRecord>> found = await PlanDrafts.FindAsync(drafts, command.PlanId, command.IfMatch, "草稿已被他人修改，请刷新后核对再确认。", cancellationToken).ConfigureAwait(false);
        if (!found.IsOk)
        {
            return found.As<PlanStored>();
        }

        Versioned<PlanDraftRecord> stored = found.Value!;

        if (stored.Value.ConfirmedVersion is int done)
        {
            return Outcome.Conflict<PlanStored>($"该草稿已确认为方案第{done}版；如需修改，请重新上传方案文件或修改后再确认。");
        }

        Versioned<UnitDirectory>? units = await directory.GetAsync(null, cancellationToken).ConfigureAwait(false);
        if (units is null)
        {
            return Outcome.Conflict<PlanStored>("尚未导入单位名录：请先导入名录，再确认方案。");
        }

        var confirmed = stored.Value.Draft.Confirm(units.Value);
        if (confirmed.IsRefused)
        {
            return PlanDrafts.Refused<PlanStored>(confirmed.Refusal);
        }

        PlanConfirmation confirmation = confirmed.Value;
        if (confirmation.Aliases.Any(a => !DirectoryAlias.IsKnown(units.Value, a.Alias)))
        {
            // Only a name the directory lacks makes a new directory version (a no-op version would stale every page's ETag).
            // Aliases first: a plan stored before its names resolve would be a plan no cycle can open.
            Outcome<StoredVersion> aliased = await directory.PutAsync(confirmation.UpdateDirectory(units.Value), units.ETag, cancellationToken).ConfigureAwait(false);
            if (!aliased.IsOk)
            {
                return aliased.As<PlanStored>();
            }
        }

        Versioned<PlanCatalog>? current = await plans.GetAsync(command.PlanId, null, cancellationToken).ConfigureAwait(false);
        if (current?.ETag != stored.Value.PlanETag)
        {
            // Someone stored another version after this file was uploaded: confirming would silently replace it.
            return Outcome.Conflict<PlanStored>(current is null
                ? "方案在生成草稿后已被删除或无法读取，请重新上传方案文件。"
                : $"方案在生成草稿后已被更新为第{current.Version.Number}版：请重新上传方案文件生成草稿，核对后再确认。");
        }

        PlanCatalog catalog = confirmation.Catalog;
        Outcome<StoredVersion> plan = await plans.PutAsync(catalog, current?.ETag, cancellationToken).ConfigureAwait(false);
        if (!plan.IsOk)
        {
            return plan.As<PlanStored>();
        }

        PlanDraftRecord record = stored.Value with
        {
            ConfirmedVersion = plan.Value!.Number,
            Confirmed = confirmation.Corrections,
            ConfirmedHash = stored.Value.FileHash,
            PlanETag = plan.Value.ETag,
        };
        Outcome<StoredVersion> kept = await drafts.PutAsync(record, stored.ETag, cancellationToken).ConfigureAwait(false);
        if (!kept.IsOk)
        {
            // The plan stands; only the replay of this review on the next upload is lost, and the log says so.
            LogDraftNotMarked(logger, command.PlanId, plan.Value.Number);
        }

        int tasks = catalog.Tasks.Count();
        LogConfirmed(logger, command.PlanId, plan.Value.Number, tasks, confirmation.Aliases.Count);
        string aliases = confirmation.Aliases.Count > 0 ? $"，名录新增别名 {string.Join("、", confirmation.Aliases.Select(a => a.Alias))}" : string.Empty;
        await audit.RecordAsync(command.Actor, AuditAction.ImportPlan, new AuditChange(
            null, command.PlanId, current is null ? null : $"第 {current.Version.Number} 版", $"第 {plan.Value.Number} 版", $"{catalog.Title}（{tasks} 项任务，由草稿“{stored.Value.FileName}”确认{aliases}）")).ConfigureAwait(false);
        return new PlanStored(command.PlanId, catalog.Title, catalog.Sections.Count, tasks, catalog.Tasks.Sum(t => t.Indicators.Count), [.. stored.Value.Draft.Warnings.Select(w => w.ToString())], plan.Value.Number, current is null, plan.Value.ETag);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId} confirmed from its draft as version {Version}: {Tasks} tasks, {Aliases} aliases added to the directory")]
    private static partial void LogConfirmed(ILogger logger, string planId, int version, int tasks, int aliases);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Plan {PlanId} version {Version} stored, but its draft changed meanwhile and was not marked confirmed")]
    private static partial void LogDraftNotMarked(ILogger logger, string planId, int version);
}

/// <param name="IfMatch">The draft's ETag as the coordinator reviewed it: confirming a draft changed since is a conflict.</param>
/// <param name="Actor">Who confirms it, for the audit trail.</param>
public sealed record ConfirmPlanDraftCommand(string PlanId, string? IfMatch, Actor Actor);
