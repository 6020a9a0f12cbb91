using Microsoft.AspNetCore.Http;
using SixStability.Core.Units;
using SixStability.Workflow.Http;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Units;

/// <summary><c>PUT/GET /api/directory</c>: the unit directory.</summary>
public sealed class DirectoryHandlers(ReplaceDirectoryUseCase replace, IDirectoryStore directory)
{
    public const int MaxBodyBytes = 2 * 1024 * 1024;

    public async Task<ApiResult> PutAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        (string? body, ApiResult? error) = await RequestBody.ReadTextAsync(call.Request, MaxBodyBytes, call.Aborted).ConfigureAwait(false);
        return error ?? (await replace.RunAsync(new ReplaceDirectoryCommand(body!, RequestBody.IfMatch(call.Request)), call.Aborted).ConfigureAwait(false))
            .ToResult(stored => ApiResult.Json(StatusCodes.Status200OK, stored, stored.ETag));
    }

    public async Task<ApiResult> GetAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Versioned<UnitDirectory>? stored = await directory.GetAsync(null, call.Aborted).ConfigureAwait(false);
        return stored is null ? ApiResult.NotFound("尚未导入单位名录。") : ApiResult.Json(StatusCodes.Status200OK, stored.Value, stored.ETag);
    }
}
