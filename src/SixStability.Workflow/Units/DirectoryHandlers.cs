using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SixStability.Core.Plans;
using SixStability.Core.Units;
using SixStability.Workflow.Http;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Units;

/// <summary>
/// <c>PUT/GET /api/directory</c>: the unit directory. A new directory must still name every unit of
/// every stored plan, so a plan never points at a unit that no longer exists.
/// </summary>
public sealed partial class DirectoryHandlers(IDirectoryStore directory, IPlanStore plans, ILogger<DirectoryHandlers> logger)
{
    public const int MaxBodyBytes = 2 * 1024 * 1024;

    public async Task<ApiResult> PutAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        (string? body, ApiResult? error) = await RequestBody.ReadTextAsync(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        (UnitDirectory? parsed, IReadOnlyList<FieldError> errors) = UnitDirectoryReader.Parse(body!);
        if (parsed is null)
        {
            return ApiResult.BadRequest("单位名录有误。", errors);
        }

        var resolver = new UnitResolver(parsed);
        var orphaned = new List<FieldError>();
        foreach (PlanCatalog plan in await plans.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            IReadOnlyList<string> unresolved = resolver.Unresolved(plan);
            if (unresolved.Count > 0)
            {
                orphaned.Add(new FieldError("units", $"方案“{plan.PlanId}”的责任单位在新名录中找不到：{string.Join("、", unresolved)}。"));
            }
        }

        if (orphaned.Count > 0)
        {
            return ApiResult.BadRequest("新名录缺少已导入方案中的责任单位。", orphaned);
        }

        string etag;
        try
        {
            etag = await directory.PutAsync(parsed, RequestBody.IfMatch(request), cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException ex)
        {
            return ApiResult.Conflict(ex.Message);
        }

        LogDirectoryStored(logger, parsed.Units.Count, parsed.Groups.Count);
        return ApiResult.Json(StatusCodes.Status200OK, new DirectoryStored(parsed.Units.Count, parsed.Leaders.Count, parsed.Groups.Count), etag);
    }

    public async Task<ApiResult> GetAsync(CancellationToken cancellationToken)
    {
        Versioned<UnitDirectory>? stored = await directory.GetAsync(cancellationToken).ConfigureAwait(false);
        return stored is null ? ApiResult.NotFound("尚未导入单位名录。") : ApiResult.Json(StatusCodes.Status200OK, stored.Value, stored.ETag);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory stored with {Units} units and {Groups} groups")]
    private static partial void LogDirectoryStored(ILogger logger, int units, int groups);

    private sealed record DirectoryStored(int Units, int Leaders, int Groups);
}
