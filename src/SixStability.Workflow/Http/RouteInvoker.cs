namespace SixStability.Workflow.Http;

/// <summary>
/// Calls a route's handler on either host. A refusal is already an answer; an exception here is a
/// bug: it is logged with an error id, and the caller gets a 500 problem naming that id, never a trace.
/// Every request of both hosts passes here, so this is also where the caller's role is checked.
/// </summary>
public static partial class RouteInvoker
{
    public static async Task<ApiResult> InvokeAsync(ApiRoute route, RouteCall call, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            // Before the handler reads anything: a cross-site write is refused whole (CrossSiteGuard), then
            // the caller must hold one of the route's roles (AccessGuard).
            if (CrossSiteGuard.IsCrossSite(call.Request))
            {
                return await CrossSiteGuard.RefuseAsync(route, call).ConfigureAwait(false);
            }

            return await AccessGuard.CheckAsync(route, call).ConfigureAwait(false) ?? await route.Handle(call).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (call.Aborted.IsCancellationRequested)
        {
            return ApiResult.Problem(499, "请求已取消");
        }
#pragma warning disable CA1031 // The edge of every request: whatever escapes is a bug, answered as one.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            string errorId = Guid.NewGuid().ToString("N")[..12];
            LogFailed(logger, ex, route.Name, errorId);
            return ApiResult.Problem(500, "服务器内部错误", $"处理请求时出错，请稍后重试；如仍出错，请将错误编号 {errorId} 告知管理员。", errorId: errorId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Route {Route} failed (error id {ErrorId})")]
    private static partial void LogFailed(ILogger logger, Exception exception, string route, string errorId);
}
