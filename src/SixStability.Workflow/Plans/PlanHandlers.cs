using System.Text;

namespace SixStability.Workflow.Plans;

/// <summary><c>PUT/GET /api/plans/{planId}</c>: load a plan as its text or as catalog JSON, and read it back.</summary>
public sealed class PlanHandlers(ImportPlanUseCase import, IPlanStore plans)
{
    public const int MaxBodyBytes = 2 * 1024 * 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task<ApiResult> PutAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        (byte[]? body, ApiResult? error) = await RequestBody.ReadBytesAsync(call.Request, MaxBodyBytes, call.Aborted).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        // Catalog JSON is UTF-8 text; anything else is a plan file (text in UTF-8 or GB18030, or .docx) read by Core.
        bool json = call.Request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true || StartsWithBrace(body!);
        string text = string.Empty;
        if (json)
        {
            try
            {
                text = StrictUtf8.GetString(body!).TrimStart('\uFEFF');
            }
            catch (DecoderFallbackException)
            {
                return ApiResult.BadRequest("方案目录 JSON 应为 UTF-8 编码。", [new FieldError("body", "不是有效的 UTF-8。")]);
            }
        }

        var command = new ImportPlanCommand(call.Value("planId"), text, json, RequestBody.IfMatch(call.Request), call.Actor)
        {
            File = json ? null : body,
            ContentType = call.Request.ContentType,
        };
        return (await import.RunAsync(command, call.Aborted).ConfigureAwait(false))
            .ToResult(stored => ApiResult.Json(stored.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK, stored, stored.ETag));
    }

    private static bool StartsWithBrace(ReadOnlySpan<byte> body)
    {
        body = body.StartsWith("\uFEFF"u8) ? body[3..] : body;
        int first = body.IndexOfAnyExcept(" \t\r\n"u8);
        return first >= 0 && body[first] == (byte)'{';
    }

    public async Task<ApiResult> GetAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        string planId = call.Value("planId");
        if (!PlanIds.IsValid(planId))
        {
            return ApiResult.BadRequest($"方案编号“{planId}”无效。", [new FieldError("planId", "格式无效。")]);
        }

        Versioned<PlanCatalog>? plan = await plans.GetAsync(planId, null, call.Aborted).ConfigureAwait(false);
        return plan is null ? ApiResult.NotFound($"方案“{planId}”不存在。") : ApiResult.Json(StatusCodes.Status200OK, plan.Value, plan.ETag);
    }
}
