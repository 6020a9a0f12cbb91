namespace SixStability.Workflow.Cycles;

/// <summary>
/// The coordinator's cycle routes: start (idempotent), list, progress, extend one unit, close now,
/// cancel. Each parses, calls one use case and maps its outcome.
/// </summary>
public sealed class CycleHandlers(StartCycleUseCase start, CycleCommandUseCase commands, ResumeCycleUseCase resume, CycleProgressQuery progress, UnitScopes scopes)
{
    private const int MaxBodyBytes = 16 * 1024;

    public async Task<ApiResult> StartAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        (StartCycleCommand? body, ApiResult? error) = await RequestBody.ReadJsonAsync<StartCycleCommand>(call.Request, MaxBodyBytes, call.Aborted).ConfigureAwait(false);
        return error ?? (await start.RunAsync(body!, call.Actor, call.Engine, call.Aborted).ConfigureAwait(false))
            .ToResult(started => ApiResult.Json(StatusCodes.Status202Accepted, new CycleAccepted(started.CycleId, started.Created, $"/api/cycles/{started.CycleId}")));
    }

    public async Task<ApiResult> ListAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return ApiResult.Json(StatusCodes.Status200OK, await progress.ListAsync(call.Aborted).ConfigureAwait(false));
    }

    /// <summary>The board: the cycle with one page of its units (<c>?page=&amp;size=&amp;late=&amp;name=</c>).</summary>
    public async Task<ApiResult> GetAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (BadCycleId(call, out string cycleId) is { } bad)
        {
            return bad;
        }

        UnitScope scope = await scopes.ForCycleAsync(call.Actor, cycleId, call.Aborted).ConfigureAwait(false);
        IQueryCollection query = call.Request.Query;
        Outcome<UnitPageAsk> ask = UnitPageAsk.Parse(query["page"].ToString(), query["size"].ToString(), query["late"].ToString(), query["name"].ToString(), query["state"].ToString(), query["level"].ToString(), query["group"].ToString(), query["role"].ToString(), query["sort"].ToString());
        Outcome<CycleView> view = ask.IsOk ? await progress.RunAsync(cycleId, call.Engine, scope, ask.Value!, call.Aborted).ConfigureAwait(false) : ask.As<CycleView>();
        return view.ToResult(v => ApiResult.Json(StatusCodes.Status200OK, v));
    }

    public async Task<ApiResult> ExtendAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        (ExtendAsk? body, ApiResult? error) = await RequestBody.ReadJsonAsync<ExtendAsk>(call.Request, MaxBodyBytes, call.Aborted).ConfigureAwait(false);
        return error ?? await CommandAsync(call, new CycleCommand(CycleCommandKind.Extend, body!.UnitId, body.Due, body.Reason)).ConfigureAwait(false);
    }

    /// <summary>恢复运行: a cycle whose orchestration failed, was terminated or ended before closing carries on from where it stands.</summary>
    public async Task<ApiResult> ResumeAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return BadCycleId(call, out string cycleId) ?? (await resume.RunAsync(cycleId, call.Actor, call.Engine, call.Aborted).ConfigureAwait(false))
            .ToResult(started => ApiResult.Json(StatusCodes.Status202Accepted, new CycleAccepted(started.CycleId, started.Created, $"/api/cycles/{started.CycleId}")));
    }

    public Task<ApiResult> CloseAsync(RouteCall call) => CommandAsync(call, new CycleCommand(CycleCommandKind.Close));

    public Task<ApiResult> CancelAsync(RouteCall call) => CommandAsync(call, new CycleCommand(CycleCommandKind.Cancel));

    private async Task<ApiResult> CommandAsync(RouteCall call, CycleCommand command)
    {
        ArgumentNullException.ThrowIfNull(call);
        return BadCycleId(call, out string cycleId) ?? (await commands.RunAsync(cycleId, command, call.Actor, call.Engine, call.Aborted).ConfigureAwait(false))
            .ToResult(sent => ApiResult.Json(StatusCodes.Status202Accepted, new CommandAccepted(cycleId, sent.Kind, sent.UnitId, sent.Due)));
    }

    private static ApiResult? BadCycleId(RouteCall call, out string cycleId)
    {
        cycleId = call.Value("cycleId");
        return CycleIds.TryParse(cycleId, out _, out _)
            ? null
            : ApiResult.BadRequest($"周期编号“{cycleId}”无效。", [new Core.Rules.FieldError("cycleId", "应为 方案编号-2020Q3。")]);
    }
}

public sealed record CycleAccepted(string CycleId, bool Created, string Status);

public sealed record ExtendAsk(string? UnitId = null, DateOnly? Due = null, string? Reason = null);

public sealed record CommandAccepted(string CycleId, CycleCommandKind Command, string? UnitId, DateOnly? Due);
