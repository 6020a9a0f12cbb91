using SixStability.Workflow.Submissions;

namespace SixStability.Workflow.Reviews;

/// <summary>
/// The review routes: read a unit's report with its history and download its files (a 分管领导 only of the
/// units they oversee), return it (退回), decide a unit's 延期申请 (the coordinator).
/// </summary>
public sealed class ReviewHandlers(IObligationStore obligations, UnitReportQuery reports, ReturnSubmissionUseCase returns, DecideExtensionUseCase decisions, UnitScopes scopes, IReportingContactStore contacts)
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
        if (await OutOfScopeAsync(call, cycleId, unitId).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        Obligation? obligation = (await obligations.ListUnitAsync(cycleId, unitId, call.Aborted).ConfigureAwait(false)).FirstOrDefault(o => o.TaskNumber == task);
        if (obligation is null)
        {
            return ApiResult.NotFound($"单位“{unitId}”在周期“{cycleId}”中没有任务（{task}）。");
        }

        IReadOnlyList<HistoryEntry> history = await obligations.HistoryAsync(cycleId, unitId, task, call.Aborted).ConfigureAwait(false);
        ReportingContact? contact = await contacts.GetAsync(cycleId, unitId, call.Aborted).ConfigureAwait(false);
        return ApiResult.Json(StatusCodes.Status200OK, new ObligationReview(obligation, HistoryItem.Of(history)) { Contact = contact });
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
        return error ?? (await returns.RunAsync(new ReturnSubmissionCommand(call.Value("cycleId"), body!.UnitId ?? string.Empty, body.Task, body.Reason, call.Actor), call.Aborted).ConfigureAwait(false))
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
        (await scopes.ForCycleAsync(call.Actor, cycleId, call.Aborted).ConfigureAwait(false)).Includes(unitId)
            ? null
            : ApiResult.Problem(StatusCodes.Status403Forbidden, "无权访问", $"单位“{unitId}”不在您分管的单位之内。");
}

public sealed record ObligationReview(Obligation Obligation, IReadOnlyList<HistoryItem> History)
{
    /// <summary>Who answers for the unit's reports this cycle (填报人, 联系电话, 审核领导), when the unit has said.</summary>
    public ReportingContact? Contact { get; init; }
}

public sealed record ReturnAsk(string? UnitId = null, int Task = 0, string? Reason = null);

public sealed record ReturnDone(string UnitId, int Task, ObligationState State);

public sealed record DecisionAsk(bool? Approve = null, string? Note = null);

public sealed record ExtensionDecided(string UnitId, ExtensionRequestState State, DateOnly Due);
