using System.Text.Json.Serialization;
using SixStability.Core.Text;

namespace SixStability.Workflow.Plans;

/// <summary>
/// The coordinator loads a plan as its text (the importer reads it) or as catalog JSON. A plan whose
/// units the directory does not know is refused, naming them; a stale <c>If-Match</c> is a conflict. A stored
/// plan is recorded in the audit trail with the version it replaced and the one it made.
/// </summary>
public sealed partial class ImportPlanUseCase(IPlanStore plans, IDirectoryStore directory, AuditTrail audit, ILogger<ImportPlanUseCase> logger)
{
    public async Task<Outcome<PlanStored>> RunAsync(ImportPlanCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (PlanIdRule.Refuse<PlanStored>(command.PlanId) is { } invalid)
        {
            return invalid;
        }

        Outcome<PlanImportResult> read = command.IsJson ? ParseCatalog(command.Body, command.PlanId)
            : command.File is not null ? ImportFile(command.File, command.ContentType, command.PlanId)
            : Import(command.Body, command.PlanId);
        if (!read.IsOk)
        {
            return read.As<PlanStored>();
        }

        (PlanCatalog catalog, IReadOnlyList<PlanWarning> warnings) = read.Value!;
        if (PlanRules.CheckUsable(catalog) is { } unusable)
        {
            return Outcome.Refused<PlanStored>(unusable);
        }

        Versioned<UnitDirectory>? units = await directory.GetAsync(null, cancellationToken).ConfigureAwait(false);
        if (units is null)
        {
            return Outcome.Conflict<PlanStored>("尚未导入单位名录：请先 PUT /api/directory，再导入方案。");
        }

        IReadOnlyList<string> unresolved = new UnitResolver(units.Value).Unresolved(catalog);
        if (unresolved.Count > 0)
        {
            string names = string.Join("、", unresolved);
            return Outcome.Refused<PlanStored>(RuleViolation.Field("units", names, $"以下责任单位在单位名录中找不到：{names}。请在名录中补充这些单位（或别名、单位组）后重新导入。"));
        }

        Versioned<PlanCatalog>? previous = await plans.GetAsync(command.PlanId, null, cancellationToken).ConfigureAwait(false);
        bool existed = previous is not null;
        if (existed && command.IfMatch is null)
        {
            // Replacing a plan unawares would lose someone's edit; cycles already running keep their version either way.
            return Outcome.PreconditionRequired<PlanStored>($"方案“{command.PlanId}”已存在：替换前请先读取（GET）并在 If-Match 中带上其 ETag。替换会生成新版本，进行中的报送周期仍按原版本执行。");
        }

        Outcome<StoredVersion> stored = await plans.PutAsync(catalog, command.IfMatch, cancellationToken).ConfigureAwait(false);
        if (!stored.IsOk)
        {
            return stored.As<PlanStored>();
        }

        int tasks = catalog.Tasks.Count();
        LogPlanStored(logger, command.PlanId, stored.Value!.Number, tasks, warnings.Count);
        await audit.RecordAsync(command.Actor, AuditAction.ImportPlan, new AuditChange(null, command.PlanId, Version(previous?.Version), Version(stored.Value), $"{catalog.Title}（{tasks} 项任务）")).ConfigureAwait(false);
        return new PlanStored(command.PlanId, catalog.Title, catalog.Sections.Count, tasks, catalog.Tasks.Sum(t => t.Indicators.Count), [.. warnings.Select(w => w.ToString())], stored.Value.Number, !existed, stored.Value.ETag);
    }

    private static string? Version(StoredVersion? version) => version is null ? null : $"第 {version.Number} 版";

    private static Outcome<PlanImportResult> Import(string body, string planId)
    {
        try
        {
            return PlanImporter.Import(planId, body);
        }
        catch (PlanFormatException ex)
        {
            // The importer reports an unreadable document as its own exception; it is the importer's refusal.
            return Outcome.Refused<PlanImportResult>(RuleViolation.Field("body", ex.Message));
        }
    }

    private static Outcome<PlanImportResult> ImportFile(byte[] file, string? contentType, string planId)
    {
        PlanResult<Core.Plans.Documents.PlanDocument> document = Core.Plans.Documents.PlanDocument.Read(file, null, contentType);
        if (document.IsRefused)
        {
            return Outcome.Refused<PlanImportResult>(RuleViolation.Field("body", document.Refusal.Message));
        }

        try
        {
            return PlanImporter.Import(planId, document.Value);
        }
        catch (PlanFormatException ex)
        {
            return Outcome.Refused<PlanImportResult>(RuleViolation.Field("body", ex.Message));
        }
    }

    private static Outcome<PlanImportResult> ParseCatalog(string body, string planId)
    {
        PlanCatalog? catalog;
        try
        {
            catalog = JsonSerializer.Deserialize<PlanCatalog>(body, Json.Options);
        }
        catch (JsonException ex)
        {
            string field = string.IsNullOrEmpty(ex.Path) ? "body" : ex.Path;
            return Outcome.Refused<PlanImportResult>(RuleViolation.Field(field, "格式、类型不对或缺少必填字段。", "方案目录 JSON 无效或缺少必填字段。"));
        }

        if (catalog is null)
        {
            return Outcome.Refused<PlanImportResult>(RuleViolation.Field("body", "为空。", "方案目录为空。"));
        }

        if (catalog.PlanId != planId)
        {
            return Outcome.Refused<PlanImportResult>(RuleViolation.Field("planId", "与地址不一致。", $"请求体中的 planId“{catalog.PlanId}”与地址中的“{planId}”不一致。"));
        }

        IReadOnlyList<FieldError> errors = PlanCatalogValidator.Validate(catalog);
        return errors.Count > 0 ? Outcome.Refused<PlanImportResult>(RuleViolation.Of("方案目录有误。", errors)) : new PlanImportResult(catalog, []);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId} stored as version {Version} with {Tasks} tasks and {Warnings} import warnings")]
    private static partial void LogPlanStored(ILogger logger, string planId, int version, int tasks, int warnings);
}

/// <param name="IsJson">The body is catalog JSON rather than the plan's text.</param>
/// <param name="IfMatch">The plan's ETag as last read; required to replace a plan that exists.</param>
/// <param name="Actor">Who imports it, for the audit trail.</param>
public sealed record ImportPlanCommand(string PlanId, string Body, bool IsJson, string? IfMatch, Actor Actor)
{
    /// <summary>The plan file as uploaded (text in any common encoding, or .docx), read instead of <see cref="Body"/>.</summary>
    public byte[]? File { get; init; }

    public string? ContentType { get; init; }
}

/// <param name="Version">The version this import made (1 for a new plan).</param>
/// <param name="Created">False when an existing plan was replaced.</param>
public sealed record PlanStored(string PlanId, string Title, int Sections, int Tasks, int Indicators, IReadOnlyList<string> Warnings, int Version, [property: JsonIgnore] bool Created, [property: JsonIgnore] string ETag);
