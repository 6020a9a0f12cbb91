namespace SixStability.Workflow.Audit;

/// <summary><c>GET /api/audit?cycle=&amp;person=&amp;action=&amp;format=json|xlsx</c>: the audit trail, newest first.</summary>
public sealed class AuditHandlers(IAuditLog log)
{
    /// <summary>What the page and the JSON show; the .xlsx holds up to <see cref="MaxExported"/>.</summary>
    public const int MaxListed = 500;

    public const int MaxExported = 100_000;

    public async Task<ApiResult> GetAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        (AuditFilter? filter, ApiResult? bad) = Filter(call.Request.Query);
        if (bad is not null)
        {
            return bad;
        }

        string format = call.Request.Query["format"].ToString() is { Length: > 0 } f ? f.ToLowerInvariant() : "json";
        switch (format)
        {
            case "json":
                return ApiResult.Json(StatusCodes.Status200OK, await log.ListAsync(filter!, MaxListed, call.Aborted).ConfigureAwait(false));
            case "xlsx":
                byte[] workbook = AuditWorkbook.Write(await log.ListAsync(filter!, MaxExported, call.Aborted).ConfigureAwait(false));
                return ApiResult.File(workbook, AuditWorkbook.ContentType, "审计记录.xlsx");
            default:
                return ApiResult.BadRequest($"不支持的格式“{format}”。", [new Core.Rules.FieldError("format", "应为 json 或 xlsx。")]);
        }
    }

    /// <summary>The filter from <c>cycle</c>, <c>person</c> and <c>action</c> (an <see cref="AuditAction"/> name), or a 400 naming the bad one.</summary>
    public static (AuditFilter? Filter, ApiResult? Bad) Filter(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? cycle = Value(query, "cycle");
        string? person = Value(query, "person");
        string? actionText = Value(query, "action");
        AuditAction? action = null;
        if (actionText is not null)
        {
            if (!Enum.TryParse(actionText, ignoreCase: true, out AuditAction parsed) || !Enum.IsDefined(parsed) || int.TryParse(actionText, out _))
            {
                return (null, ApiResult.BadRequest($"操作类型“{actionText}”无效。", [new Core.Rules.FieldError("action", "应为 " + string.Join("、", Enum.GetNames<AuditAction>()) + " 之一。")]));
            }

            action = parsed;
        }

        if (cycle is { Length: > 200 } || person is { Length: > 200 })
        {
            return (null, ApiResult.BadRequest("筛选条件过长。", [new Core.Rules.FieldError(cycle is { Length: > 200 } ? "cycle" : "person", "不超过 200 个字符。")]));
        }

        return (new AuditFilter(cycle, person, action), null);
    }

    private static string? Value(IQueryCollection query, string name) => query[name].ToString().Trim() is { Length: > 0 } value ? value : null;
}
