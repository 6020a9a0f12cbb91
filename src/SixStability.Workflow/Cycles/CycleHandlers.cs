using Microsoft.AspNetCore.Http;
using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Core.Plans;
using SixStability.Core.Units;
using SixStability.Workflow.Http;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Cycles;

/// <summary>
/// The coordinator's cycle routes: start (idempotent), progress, extend one unit, close now, cancel.
/// Commands reach the orchestration as its external event; the engine comes in per call because the
/// Functions host binds its client per invocation.
/// </summary>
public sealed class CycleHandlers(ICycleStore cycles, IObligationStore obligations, IPlanStore plans, IDirectoryStore directory, IMailOutbox outbox, BusinessCalendar china, TimeProvider clock)
{
    private const int MaxBodyBytes = 16 * 1024;

    public async Task<ApiResult> StartAsync(HttpRequest request, ICycleClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        (StartCycleRequest? body, ApiResult? error) = await RequestBody.ReadJsonAsync<StartCycleRequest>(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var errors = new List<FieldError>();
        if (!PlanIds.IsValid(body!.PlanId))
        {
            errors.Add(new("planId", "方案编号无效。"));
        }

        if (!Quarter.TryParse(body.Quarter, out Quarter quarter))
        {
            errors.Add(new("quarter", $"季度“{body.Quarter}”无效：应写作“2020Q3”。"));
        }

        CyclePolicyChoice policy = body.Policy ?? new CyclePolicyChoice();
        if (policy.Kind is not (CyclePolicyChoice.Default or CyclePolicyChoice.Demo or CyclePolicyChoice.ExplicitDue))
        {
            errors.Add(new("policy.kind", "应为 default、demo 或 due。"));
        }
        else if (policy.Kind == CyclePolicyChoice.ExplicitDue && policy.Due is null)
        {
            errors.Add(new("policy.due", "指定截止日期时必须给出 due（如 2027-01-08）。"));
        }
        else if (policy.SecondsPerDay is { } seconds && (seconds < 0.1 || seconds > 86_400))
        {
            errors.Add(new("policy.secondsPerDay", "应在 0.1 到 86400 之间。"));
        }

        if (errors.Count > 0)
        {
            return ApiResult.BadRequest("启动报送周期的请求有误。", errors);
        }

        if (await plans.GetAsync(body.PlanId, cancellationToken).ConfigureAwait(false) is null)
        {
            return ApiResult.BadRequest($"方案“{body.PlanId}”不存在，请先导入。", [new FieldError("planId", "不存在。")]);
        }

        if (await directory.GetAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            return ApiResult.Conflict("尚未导入单位名录。");
        }

        if (policy.Kind == CyclePolicyChoice.Default)
        {
            try
            {
                CycleScheduler.Plan(quarter, CyclePolicy.Default, china);
            }
            catch (CalendarYearMissingException ex)
            {
                return ApiResult.BadRequest(ex.Message, [new FieldError("policy", "该季度的节假日安排尚未发布：请用 {\"kind\":\"due\",\"due\":\"YYYY-MM-DD\"} 指定截止日期。")]);
            }
        }

        string cycleId = CycleIds.For(body.PlanId, quarter);
        bool created = await engine.StartAsync(new CycleInput(cycleId, body.PlanId, quarter.ToString(), policy, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return ApiResult.Json(StatusCodes.Status202Accepted, new { cycleId, created, status = $"/api/cycles/{cycleId}" });
    }

    public async Task<ApiResult> GetAsync(string cycleId, ICycleClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        if (!CycleIds.TryParse(cycleId, out _, out _))
        {
            return ApiResult.BadRequest($"周期编号“{cycleId}”无效。", [new FieldError("cycleId", "应为 方案编号-2020Q3。")]);
        }

        CycleRecord? record = await cycles.GetAsync(cycleId, cancellationToken).ConfigureAwait(false);
        CycleInstance? instance = await engine.GetAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return instance is null
                ? ApiResult.NotFound($"报送周期“{cycleId}”不存在。")
                : ApiResult.Json(StatusCodes.Status200OK, new { cycleId, status = "opening", runtime = instance.RuntimeStatus });
        }

        UnitDirectory? units = (await directory.GetAsync(cancellationToken).ConfigureAwait(false))?.Value;
        var resolver = units is null ? null : new UnitResolver(units);
        List<Obligation> all = await obligations.ListAllAsync(cycleId, null, cancellationToken).ConfigureAwait(false);

        IReadOnlyList<CycleTick> timeline = CycleTimeline.Build(record.Frame, record.Policy, china, all.Select(o => o.Due).Distinct());
        var perUnit = all.GroupBy(o => o.UnitId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new
        {
            unitId = g.Key,
            name = resolver?.FindUnit(g.Key)?.Name ?? g.Key,
            due = g.Min(o => o.Due),
            owed = g.Where(o => o.IsOwed).Select(o => o.TaskNumber).Order().ToList(),
            submitted = g.Where(o => !o.IsOwed).Select(o => o.TaskNumber).Order().ToList(),
            late = g.Count(o => o.Late),
            level = g.Max(o => o.EscalationLevel),
            tasks = g.OrderBy(o => o.TaskNumber).Select(o => new { task = o.TaskNumber, state = o.State, late = o.Late, level = o.EscalationLevel, due = o.Due }),
        });
        return ApiResult.Json(StatusCodes.Status200OK, new
        {
            cycleId,
            planId = record.Frame.PlanId,
            quarter = record.Frame.Quarter,
            mode = record.Frame.Mode,
            status = record.Status,
            runtime = instance?.RuntimeStatus,
            step = instance?.Progress?.Step,
            nextAt = instance?.Progress?.NextAt,
            schedule = timeline.Select(t => new { kind = t.Kind, level = t.Level, at = t.At, due = t.Due, step = t.StepId }),
            counts = CycleCounts.Of(all),
            units = perUnit,
            extensionRequests = (await obligations.ListExtensionRequestsAsync(cycleId, cancellationToken).ConfigureAwait(false)).Select(r => new { r.UnitId, r.Due, r.Reason, r.RequestedAt, r.State, r.Note }),
            mailProblems = (await outbox.ProblemsAsync(cycleId, cancellationToken).ConfigureAwait(false)).Select(p => new { p.Step, p.RecipientKey, p.To, p.Status, p.Error }),
        });
    }

    /// <summary>Every cycle, newest quarter first: the coordinator's starting point.</summary>
    public async Task<ApiResult> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<CycleRecord> all = await cycles.ListAsync(cancellationToken).ConfigureAwait(false);
        return ApiResult.Json(StatusCodes.Status200OK, all
            .OrderByDescending(r => r.Frame.Quarter)
            .ThenBy(r => r.CycleId, StringComparer.Ordinal)
            .Select(r => new { cycleId = r.CycleId, planId = r.Frame.PlanId, quarter = r.Frame.Quarter, quarterName = r.Frame.Quarter.ChineseName, status = r.Status, mode = r.Frame.Mode, createdAt = r.CreatedAt, closedAt = r.ClosedAt }));
    }

    public async Task<ApiResult> ExtendAsync(HttpRequest request, string cycleId, ICycleClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        (ExtensionRequest? body, ApiResult? error) = await RequestBody.ReadJsonAsync<ExtensionRequest>(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        (CycleRecord? record, ApiResult? missing) = await OpenCycleAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (missing is not null)
        {
            return missing;
        }

        IReadOnlyList<Obligation> owned = string.IsNullOrWhiteSpace(body!.UnitId) ? [] : await obligations.ListUnitAsync(cycleId, body.UnitId, cancellationToken).ConfigureAwait(false);
        if (owned.Count == 0)
        {
            return ApiResult.BadRequest($"单位“{body.UnitId}”在本周期没有报送任务。", [new FieldError("unitId", "不在本周期。")]);
        }

        DateOnly today = record!.Frame.Today(clock.GetUtcNow(), record.Policy);
        if (body.Due is not DateOnly due || due <= owned.Min(o => o.Due) || due < today)
        {
            return ApiResult.BadRequest("新的截止日期须晚于该单位现在的截止日期，且不早于今天。", [new FieldError("due", "无效。")]);
        }

        if (body.Reason is { Length: > 500 })
        {
            return ApiResult.BadRequest("延期理由不超过 500 字。", [new FieldError("reason", "过长。")]);
        }

        await engine.RaiseAsync(cycleId, new CycleCommand(CycleCommandKind.Extend, body.UnitId, due, body.Reason), cancellationToken).ConfigureAwait(false);
        return ApiResult.Json(StatusCodes.Status202Accepted, new { cycleId, unitId = body.UnitId, due });
    }

    public Task<ApiResult> CloseAsync(string cycleId, ICycleClient engine, CancellationToken cancellationToken) =>
        CommandAsync(cycleId, engine, new CycleCommand(CycleCommandKind.Close), cancellationToken);

    public Task<ApiResult> CancelAsync(string cycleId, ICycleClient engine, CancellationToken cancellationToken) =>
        CommandAsync(cycleId, engine, new CycleCommand(CycleCommandKind.Cancel), cancellationToken);

    private async Task<ApiResult> CommandAsync(string cycleId, ICycleClient engine, CycleCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        (_, ApiResult? missing) = await OpenCycleAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (missing is not null)
        {
            return missing;
        }

        await engine.RaiseAsync(cycleId, command, cancellationToken).ConfigureAwait(false);
        return ApiResult.Json(StatusCodes.Status202Accepted, new { cycleId, command = command.Kind });
    }

    private async Task<(CycleRecord? Record, ApiResult? Error)> OpenCycleAsync(string cycleId, CancellationToken cancellationToken)
    {
        if (!CycleIds.TryParse(cycleId, out _, out _))
        {
            return (null, ApiResult.BadRequest($"周期编号“{cycleId}”无效。", [new FieldError("cycleId", "应为 方案编号-2020Q3。")]));
        }

        CycleRecord? record = await cycles.GetAsync(cycleId, cancellationToken).ConfigureAwait(false);
        return record switch
        {
            null => (null, ApiResult.NotFound($"报送周期“{cycleId}”不存在。")),
            { Status: not CycleStatus.Open } => (record, ApiResult.Conflict($"报送周期“{cycleId}”已结束，不能再操作。")),
            _ => (record, null),
        };
    }


    private sealed record StartCycleRequest(string PlanId, string Quarter, CyclePolicyChoice? Policy = null);

    private sealed record ExtensionRequest(string UnitId, DateOnly? Due, string? Reason = null);
}
