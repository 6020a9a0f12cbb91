using SixStability.Core.Units.Workbook;

namespace SixStability.Workflow.Units;

/// <summary><c>PUT/GET /api/directory</c>: the unit directory, as JSON or as the .xlsx workbook the coordinator keeps.</summary>
public sealed class DirectoryHandlers(ReplaceDirectoryUseCase replace, IDirectoryStore directory)
{
    public const int MaxBodyBytes = 2 * 1024 * 1024;

    public async Task<ApiResult> PutAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        ReplaceDirectoryCommand command;
        if (IsWorkbook(call.Request.ContentType))
        {
            (byte[]? book, ApiResult? error) = await RequestBody.ReadBytesAsync(call.Request, MaxBodyBytes, call.Aborted).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            command = new ReplaceDirectoryCommand(null, RequestBody.IfMatch(call.Request), call.Actor, book);
        }
        else
        {
            (string? body, ApiResult? error) = await RequestBody.ReadTextAsync(call.Request, MaxBodyBytes, call.Aborted).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            command = new ReplaceDirectoryCommand(body, RequestBody.IfMatch(call.Request), call.Actor);
        }

        return (await replace.RunAsync(command, call.Aborted).ConfigureAwait(false))
            .ToResult(stored => ApiResult.Json(StatusCodes.Status200OK, stored, stored.ETag));
    }

    public async Task<ApiResult> GetAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        string format = call.Request.Query["format"].ToString().ToLowerInvariant();
        if (format is not ("" or "json" or "xlsx"))
        {
            return ApiResult.BadRequest("format 应为 json 或 xlsx。");
        }

        Versioned<UnitDirectory>? stored = await directory.GetAsync(null, call.Aborted).ConfigureAwait(false);
        if (stored is null)
        {
            return ApiResult.NotFound("尚未导入单位名录。");
        }

        return format == "xlsx"
            ? ApiResult.File(DirectoryWorkbook.Write(stored.Value), DirectoryWorkbook.MediaType, $"单位名录（第{stored.Version.Number}版）.xlsx")
            : ApiResult.Json(StatusCodes.Status200OK, stored.Value, stored.ETag);
    }

    private static bool IsWorkbook(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim().Equals(DirectoryWorkbook.MediaType, StringComparison.OrdinalIgnoreCase);
}
