namespace SixStability.Workflow.Plans.Drafts;

/// <summary>
/// <c>/api/plans/{planId}/draft</c>: upload a plan file for review (by content type: text/plain in UTF-8 or
/// GB18030, or .docx), read the draft, correct it one change at a time, confirm it into the plan.
/// </summary>
public sealed class PlanDraftHandlers(
    UploadPlanDraftUseCase upload, CorrectPlanDraftUseCase correct, ConfirmPlanDraftUseCase confirm, IPlanDraftStore drafts, IDirectoryStore directory)
{
    public const int MaxFileBytes = 10 * 1024 * 1024;
    private const int MaxCorrectionBytes = 64 * 1024;
    private const int MaxFileName = 120;

    public async Task<ApiResult> PutAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        (byte[]? file, ApiResult? error) = await RequestBody.ReadBytesAsync(call.Request, MaxFileBytes, call.Aborted).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        string? fileName = call.Request.Query["fileName"].ToString();
        if (fileName.Length > MaxFileName || fileName.Any(char.IsControl))
        {
            return ApiResult.BadRequest($"文件名不能超过 {MaxFileName} 个字符，也不能含控制字符。", [new FieldError("fileName", "过长或含控制字符。")]);
        }

        var command = new UploadPlanDraftCommand(call.Value("planId"), file!, fileName.Length == 0 ? null : fileName, call.Request.ContentType);
        return (await upload.RunAsync(command, call.Aborted).ConfigureAwait(false)).ToResult(view => ApiResult.Json(StatusCodes.Status200OK, view, view.ETag));
    }

    public async Task<ApiResult> GetAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        string planId = call.Value("planId");
        if (!Core.Plans.PlanIds.IsValid(planId))
        {
            return ApiResult.BadRequest($"方案编号“{planId}”无效。", [new FieldError("planId", "格式无效。")]);
        }

        Versioned<PlanDraftRecord>? stored = await drafts.GetAsync(planId, call.Aborted).ConfigureAwait(false);
        if (stored is null)
        {
            return ApiResult.NotFound($"方案“{planId}”没有待审核的草稿：请先上传方案文件。");
        }

        var units = (await directory.GetAsync(null, call.Aborted).ConfigureAwait(false))?.Value;
        PlanDraftView view = PlanDrafts.View(stored, units);
        return ApiResult.Json(StatusCodes.Status200OK, view, view.ETag);
    }

    public async Task<ApiResult> CorrectAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        (PlanCorrection? correction, ApiResult? error) = await RequestBody.ReadJsonAsync<PlanCorrection>(call.Request, MaxCorrectionBytes, call.Aborted).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var command = new CorrectPlanDraftCommand(call.Value("planId"), correction!, RequestBody.IfMatch(call.Request));
        return (await correct.RunAsync(command, call.Aborted).ConfigureAwait(false)).ToResult(view => ApiResult.Json(StatusCodes.Status200OK, view, view.ETag));
    }

    public async Task<ApiResult> ConfirmAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var command = new ConfirmPlanDraftCommand(call.Value("planId"), RequestBody.IfMatch(call.Request), call.Actor);
        return (await confirm.RunAsync(command, call.Aborted).ConfigureAwait(false))
            .ToResult(stored => ApiResult.Json(stored.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK, stored, stored.ETag));
    }
}
