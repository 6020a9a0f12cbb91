using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SixStability.Core.Plans;
using SixStability.Core.Text;
using SixStability.Core.Units;
using SixStability.Workflow.Http;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Plans;

/// <summary>
/// <c>PUT/GET /api/plans/{planId}</c>: the coordinator loads a plan as its plain text (the importer
/// reads it) or as catalog JSON, and reads it back. A plan whose units the directory does not know
/// is refused, naming them.
/// </summary>
public sealed partial class PlanHandlers(IPlanStore plans, IDirectoryStore directory, ILogger<PlanHandlers> logger)
{
    public const int MaxBodyBytes = 2 * 1024 * 1024;

    public async Task<ApiResult> PutAsync(HttpRequest request, string planId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!PlanIds.IsValid(planId))
        {
            return ApiResult.BadRequest($"方案编号“{planId}”无效：只能使用小写字母、数字和连字符。", [new FieldError("planId", "格式无效。")]);
        }

        (string? body, ApiResult? error) = await RequestBody.ReadTextAsync(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        PlanCatalog catalog;
        IReadOnlyList<PlanWarning> warnings = [];
        if (IsJson(request, body!))
        {
            (PlanCatalog? parsed, ApiResult? invalid) = ParseCatalog(body!, planId);
            if (invalid is not null)
            {
                return invalid;
            }

            catalog = parsed!;
        }
        else
        {
            try
            {
                PlanImportResult imported = PlanImporter.Import(planId, body!);
                (catalog, warnings) = (imported.Catalog, imported.Warnings);
            }
            catch (PlanFormatException ex)
            {
                return ApiResult.BadRequest(ex.Message, [new FieldError("body", ex.Message)]);
            }
        }

        Versioned<UnitDirectory>? units = await directory.GetAsync(cancellationToken).ConfigureAwait(false);
        if (units is null)
        {
            return ApiResult.Conflict("尚未导入单位名录：请先 PUT /api/directory，再导入方案。");
        }

        IReadOnlyList<string> unresolved = new UnitResolver(units.Value).Unresolved(catalog);
        if (unresolved.Count > 0)
        {
            string names = string.Join("、", unresolved);
            return ApiResult.BadRequest($"以下责任单位在单位名录中找不到：{names}。请在名录中补充这些单位（或别名、单位组）后重新导入。", [new FieldError("units", names)]);
        }

        bool existed = await plans.GetAsync(planId, cancellationToken).ConfigureAwait(false) is not null;
        string etag;
        try
        {
            etag = await plans.PutAsync(catalog, RequestBody.IfMatch(request), cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException ex)
        {
            return ApiResult.Conflict(ex.Message);
        }

        int tasks = catalog.Tasks.Count();
        LogPlanStored(logger, planId, tasks, warnings.Count);
        return ApiResult.Json(
            existed ? StatusCodes.Status200OK : StatusCodes.Status201Created,
            new PlanStored(planId, catalog.Title, catalog.Sections.Count, tasks, catalog.Tasks.Sum(t => t.Indicators.Count), warnings.Select(w => w.ToString()).ToList()),
            etag);
    }

    public async Task<ApiResult> GetAsync(string planId, CancellationToken cancellationToken)
    {
        if (!PlanIds.IsValid(planId))
        {
            return ApiResult.BadRequest($"方案编号“{planId}”无效。", [new FieldError("planId", "格式无效。")]);
        }

        Versioned<PlanCatalog>? plan = await plans.GetAsync(planId, cancellationToken).ConfigureAwait(false);
        return plan is null ? ApiResult.NotFound($"方案“{planId}”不存在。") : ApiResult.Json(StatusCodes.Status200OK, plan.Value, plan.ETag);
    }

    private static bool IsJson(HttpRequest request, string body) =>
        request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true || body.TrimStart().StartsWith('{');

    private static (PlanCatalog? Catalog, ApiResult? Error) ParseCatalog(string body, string planId)
    {
        PlanCatalog? catalog;
        try
        {
            catalog = JsonSerializer.Deserialize<PlanCatalog>(body, Json.Options);
        }
        catch (JsonException ex)
        {
            string field = string.IsNullOrEmpty(ex.Path) ? "body" : ex.Path;
            return (null, ApiResult.BadRequest("方案目录 JSON 无效或缺少必填字段。", [new FieldError(field, "格式、类型不对或缺少必填字段。")]));
        }

        if (catalog is null)
        {
            return (null, ApiResult.BadRequest("方案目录为空。", [new FieldError("body", "为空。")]));
        }

        if (catalog.PlanId != planId)
        {
            return (null, ApiResult.BadRequest($"请求体中的 planId“{catalog.PlanId}”与地址中的“{planId}”不一致。", [new FieldError("planId", "与地址不一致。")]));
        }

        IReadOnlyList<FieldError> errors = PlanCatalogValidator.Validate(catalog);
        return errors.Count > 0 ? (null, ApiResult.BadRequest("方案目录有误。", errors)) : (catalog, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId} stored with {Tasks} tasks and {Warnings} import warnings")]
    private static partial void LogPlanStored(ILogger logger, string planId, int tasks, int warnings);

    private sealed record PlanStored(string PlanId, string Title, int Sections, int Tasks, int Indicators, IReadOnlyList<string> Warnings);
}
