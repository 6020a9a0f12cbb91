namespace SixStability.Workflow.Reviews;

/// <summary>
/// The review routes: read a unit's report with its history and download its files (a 分管领导 only of the
/// units they oversee), accept it (通过) or return it (退回), decide a unit's 延期申请 (the coordinator).
/// </summary>
public sealed class ReviewHandlers(SubmissionReviewQuery reviews, UnitReportQuery reports, ReturnSubmissionUseCase returns, AcceptSubmissionUseCase accepts, DecideExtensionUseCase decisions, UnitScopes scopes)
{
    private const int MaxBodyBytes = 16 * 1024;

    public async Task<ApiResult> ReadAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        (int task, ApiResult? bad) = call.TaskNumber();
        if (bad is not null)
        {
            return bad;
        }

        string cycleId = call.Value("cycleId"), unitId = call.Value("unitId");
        UnitScope scope = await scopes.ForCycleAsync(call.Actor, cycleId, call.Aborted).ConfigureAwait(false);
        if (!scope.Includes(unitId))
        {
            return OutOfScope(unitId);
        }

        return (await reviews.RunAsync(cycleId, unitId, task, scope, call.Aborted).ConfigureAwait(false))
            .ToResult(r => ApiResult.Json(StatusCodes.Status200OK, r, r.Obligation.RevisionTag));
    }

    public async Task<ApiResult> AcceptAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        (int task, ApiResult? bad) = call.TaskNumber();
        if (bad is not null)
        {
            return bad;
        }

        var command = new AcceptSubmissionCommand(call.Value("cycleId"), call.Value("unitId"), task, RequestBody.IfMatch(call.Request), call.Actor);
        return (await accepts.RunAsync(command, call.Aborted).ConfigureAwait(false))
            .ToResult(o => ApiResult.Json(StatusCodes.Status200OK, new AcceptDone(o.UnitId, o.TaskNumber, o.AcceptedAt!.Value, o.RevisionTag), o.RevisionTag));
    }

    public async Task<ApiResult> DownloadAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        (int task, ApiResult? bad) = call.TaskNumber();
        if (bad is not null)
        {
            return bad;
        }

        if (await OutOfScopeAsync(call, call.Value("cycleId"), call.Value("unitId")).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        return (await reports.AttachmentAsync(call.Value("cycleId"), call.Value("unitId"), task, call.Value("id"), call.Aborted).ConfigureAwait(false))
            .ToResult(f => ApiResult.File(f.Content, f.File.ContentType, f.File.Name));
    }

    public async Task<ApiResult> ReturnAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        (ReturnAsk? body, ApiResult? error) = await RequestBody.ReadJsonAsync<ReturnAsk>(call.Request, MaxBodyBytes, call.Aborted).ConfigureAwait(false);
        return error ?? (await returns.RunAsync(new ReturnSubmissionCommand(call.Value("cycleId"), body!.UnitId ?? string.Empty, body.Task, body.Reason, call.Actor) { IfMatch = RequestBody.IfMatch(call.Request) }, call.Aborted).ConfigureAwait(false))
            .ToResult(o => ApiResult.Json(StatusCodes.Status200OK, new ReturnDone(o.UnitId, o.TaskNumber, o.State)));
    }

    public async Task<ApiResult> DecideExtensionAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        (DecisionAsk? body, ApiResult? error) = await RequestBody.ReadJsonAsync<DecisionAsk>(call.Request, MaxBodyBytes, call.Aborted).ConfigureAwait(false);
        string unitId = call.Value("unitId");
        return error ?? (await decisions.RunAsync(new DecideExtensionCommand(call.Value("cycleId"), unitId, body!.Approve, body.Note, call.Actor), call.Engine, call.Aborted).ConfigureAwait(false))
            .ToResult(decided => ApiResult.Json(StatusCodes.Status202Accepted, new ExtensionDecided(unitId, decided.State, decided.Due)));
    }

    /// <summary>403 when the reader may not see this unit (a 分管领导 and another leader's unit).</summary>
    private async Task<ApiResult?> OutOfScopeAsync(RouteCall call, string cycleId, string unitId) =>
        (await scopes.ForCycleAsync(call.Actor, cycleId, call.Aborted).ConfigureAwait(false)).Includes(unitId) ? null : OutOfScope(unitId);

    private static ApiResult OutOfScope(string unitId) => ApiResult.Problem(StatusCodes.Status403Forbidden, "无权访问", $"单位“{unitId}”不在您分管的单位之内。");
}

public sealed record ObligationReview(Obligation Obligation, IReadOnlyList<HistoryItem> History)
{
    /// <summary>Who answers for the unit's reports this cycle (填报人, 联系电话, 审核领导), when the unit has said.</summary>
    public ReportingContact? Contact { get; init; }

    /// <summary>Whether the cycle still takes decisions (通过, 退回): a closed or cancelled one is read only.</summary>
    public bool CycleOpen { get; init; }

    public string? UnitName { get; init; }

    public string? TaskTitle { get; init; }

    /// <summary>The task's indicators and their targets (the lead unit's report carries the values; a co-unit's none).</summary>
    public IReadOnlyList<Indicator>? Targets { get; init; }

    /// <summary>Every submission in order, each with what changed in its texts since the one before.</summary>
    public IReadOnlyList<SubmissionRevision>? Revisions { get; init; }

    /// <summary>上一份/下一份 among the submissions of this task and of this unit.</summary>
    public ReviewWalks? Walk { get; init; }
}

/// <param name="RevisionTag">The obligation's new revision (accepting is a change): the pane's next If-Match.</param>
public sealed record AcceptDone(string UnitId, int Task, DateTimeOffset AcceptedAt, string RevisionTag);

public sealed record ReturnAsk(string? UnitId = null, int Task = 0, string? Reason = null);

public sealed record ReturnDone(string UnitId, int Task, ObligationState State);

public sealed record DecisionAsk(bool? Approve = null, string? Note = null);

public sealed record ExtensionDecided(string UnitId, ExtensionRequestState State, DateOnly Due);
