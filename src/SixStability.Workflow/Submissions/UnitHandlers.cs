using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SixStability.Core.Cycles;
using SixStability.Core.Links;
using SixStability.Core.Plans;
using SixStability.Core.Text;
using SixStability.Core.Units;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Http;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Submissions;

/// <summary>
/// A unit's own routes, reached with the signed link from its mail (<c>Authorization: Bearer …</c> or
/// <c>?t=</c>): what it owes, and its submission. The link grants that unit in that cycle, nothing else.
/// </summary>
public sealed class UnitHandlers(ILinkVerifier links, CycleContextLoader loader, IObligationStore obligations, TimeProvider clock)
{
    public const int MaxNarrative = 5000;
    public const int MaxText = 2000;
    private const int MaxBodyBytes = 64 * 1024;
    private static readonly string[] Statuses = ["按进度推进", "滞后", "已完成"];

    public async Task<ApiResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        (LinkClaims? claims, ApiResult? denied) = Authorize(request);
        if (denied is not null)
        {
            return denied;
        }

        CycleContext? cycle = await LoadAsync(claims!, cancellationToken).ConfigureAwait(false);
        if (cycle is null)
        {
            return Gone();
        }

        IReadOnlyList<Obligation> mine = await obligations.ListUnitAsync(claims!.Cycle, claims.Unit, cancellationToken).ConfigureAwait(false);
        DateOnly today = cycle.Record.Frame.Today(clock.GetUtcNow(), cycle.Record.Policy);
        Unit unit = cycle.Unit(claims.Unit);
        return ApiResult.Json(StatusCodes.Status200OK, new
        {
            unit = new { id = unit.Id, name = unit.Name },
            cycleId = claims.Cycle,
            quarter = cycle.Record.Frame.Quarter,
            title = cycle.Plan.Title,
            open = cycle.Record.Status == CycleStatus.Open,
            obligations = mine.OrderBy(o => o.TaskNumber).Select(o =>
            {
                PlanTask task = cycle.Task(o.TaskNumber);
                return new
                {
                    task = o.TaskNumber,
                    title = task.Title,
                    lead = o.IsLead,
                    state = o.State,
                    due = o.Due,
                    workingDaysLeft = StepDecisions.WorkingDaysLeft(today, o.Due, cycle.Calendar),
                    late = o.Late,
                    level = o.EscalationLevel,
                    returnReason = o.ReturnReason,
                    etag = ETag(o),
                    indicators = o.IsLead ? task.Indicators : [],
                };
            }),
        });
    }

    /// <summary>报送 (or a revision before close): validated, kept with its history; <c>If-Match</c> guards against a stale form, <c>Idempotency-Key</c> against a double click.</summary>
    public Task<ApiResult> SubmitAsync(HttpRequest request, string task, CancellationToken cancellationToken) =>
        SaveAsync(request, task, draft: false, cancellationToken);

    /// <summary>保存草稿: the same form, nothing required yet; a submitted report is revised by submitting again.</summary>
    public Task<ApiResult> SaveDraftAsync(HttpRequest request, string task, CancellationToken cancellationToken) =>
        SaveAsync(request, task, draft: true, cancellationToken);

    /// <summary>Every saved draft, submission, return and escalation of one of the unit's tasks, oldest first.</summary>
    public async Task<ApiResult> HistoryAsync(HttpRequest request, string task, CancellationToken cancellationToken)
    {
        (LinkClaims? claims, ApiResult? denied) = Authorize(request);
        if (denied is not null)
        {
            return denied;
        }

        if (!TryTask(task, out int number))
        {
            return BadTask(task);
        }

        IReadOnlyList<Obligation> mine = await obligations.ListUnitAsync(claims!.Cycle, claims.Unit, cancellationToken).ConfigureAwait(false);
        if (!mine.Any(o => o.TaskNumber == number))
        {
            return ApiResult.NotFound($"贵单位在本周期没有任务（{number}）。");
        }

        IReadOnlyList<HistoryEntry> history = await obligations.HistoryAsync(claims.Cycle, claims.Unit, number, cancellationToken).ConfigureAwait(false);
        return ApiResult.Json(StatusCodes.Status200OK, HistoryView.Of(history));
    }

    private async Task<ApiResult> SaveAsync(HttpRequest request, string task, bool draft, CancellationToken cancellationToken)
    {
        (LinkClaims? claims, ApiResult? denied) = Authorize(request);
        if (denied is not null)
        {
            return denied;
        }

        if (!TryTask(task, out int number))
        {
            return BadTask(task);
        }

        (SubmissionRequest? body, ApiResult? unreadable) = await RequestBody.ReadJsonAsync<SubmissionRequest>(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (unreadable is not null)
        {
            return unreadable;
        }

        CycleContext? cycle = await LoadAsync(claims!, cancellationToken).ConfigureAwait(false);
        if (cycle is null)
        {
            return Gone();
        }

        Obligation? obligation = (await obligations.ListUnitAsync(claims!.Cycle, claims.Unit, cancellationToken).ConfigureAwait(false)).FirstOrDefault(o => o.TaskNumber == number);
        if (obligation is null)
        {
            return ApiResult.NotFound($"贵单位在本周期没有任务（{number}）。");
        }

        List<FieldError> errors = Validate(body, obligation.IsLead ? cycle.Task(number).Indicators : [], required: !draft);
        if (errors.Count > 0)
        {
            return ApiResult.BadRequest("报送内容有误，请按提示修改。", errors);
        }

        if (cycle.Record.Status != CycleStatus.Open)
        {
            return ApiResult.Conflict("本周期已关闭，不能再报送。");
        }

        if (draft && obligation.State == ObligationState.Submitted)
        {
            return ApiResult.Conflict("已报送的材料如需修改，请直接重新报送。");
        }

        string? ifMatch = RequestBody.IfMatch(request);
        DateTimeOffset now = clock.GetUtcNow();
        DateOnly today = cycle.Record.Frame.Today(now, cycle.Record.Policy);
        Obligation Apply(Obligation o)
        {
            if (ifMatch is not null && ifMatch != ETag(o))
            {
                throw new ConcurrencyConflictException("该任务已被更新（可能在另一个窗口中），请刷新后再提交。");
            }

            return draft ? o.SaveDraft() : o.Submit(now, today);
        }

        var entry = new HistoryEntry(now, claims.Unit, draft ? "draft" : "submitted", JsonSerializer.Serialize(body, Json.Options));
        string? key = request.Headers["Idempotency-Key"].ToString() is { Length: > 0 and <= 200 } k ? k : null;
        ChangeResult saved;
        try
        {
            saved = key is null
                ? new ChangeResult(await obligations.ChangeAsync(claims.Cycle, claims.Unit, number, Apply, entry, cancellationToken).ConfigureAwait(false), false)
                : await obligations.ChangeOnceAsync(claims.Cycle, claims.Unit, number, Apply, entry, key, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or InvalidOperationException)
        {
            return ApiResult.Conflict(ex.Message);
        }

        Obligation o = saved.Obligation;
        return ApiResult.Json(StatusCodes.Status200OK, new { task = number, state = o.State, late = o.Late, submittedAt = o.SubmittedAt, replayed = saved.Replayed }, ETag(o));
    }

    /// <summary>延期申请: the unit asks for a later date, with its reason; the coordinator decides.</summary>
    public async Task<ApiResult> RequestExtensionAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        (LinkClaims? claims, ApiResult? denied) = Authorize(request);
        if (denied is not null)
        {
            return denied;
        }

        (ExtensionAsk? body, ApiResult? unreadable) = await RequestBody.ReadJsonAsync<ExtensionAsk>(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (unreadable is not null)
        {
            return unreadable;
        }

        CycleContext? cycle = await LoadAsync(claims!, cancellationToken).ConfigureAwait(false);
        if (cycle is null)
        {
            return Gone();
        }

        IReadOnlyList<Obligation> mine = await obligations.ListUnitAsync(claims!.Cycle, claims.Unit, cancellationToken).ConfigureAwait(false);
        var errors = new List<FieldError>();
        if (body?.Due is not DateOnly due || mine.Count == 0 || due <= mine.Min(o => o.Due))
        {
            errors.Add(new("due", "申请的截止日期须晚于现在的截止日期。"));
        }

        CheckText(body?.Reason, "reason", "延期理由", 500, required: true, errors);
        if (errors.Count > 0)
        {
            return ApiResult.BadRequest("延期申请有误。", errors);
        }

        if (cycle.Record.Status != CycleStatus.Open)
        {
            return ApiResult.Conflict("本周期已关闭。");
        }

        var ask = new ExtensionRequest(claims.Cycle, claims.Unit, body!.Due!.Value, body.Reason!, clock.GetUtcNow());
        await obligations.SaveExtensionRequestAsync(ask, cancellationToken).ConfigureAwait(false);
        return ApiResult.Json(StatusCodes.Status202Accepted, new { due = ask.Due, state = ask.State });
    }

    private static string ETag(Obligation o) => $"\"r{o.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"";

    private static bool TryTask(string task, out int number) =>
        int.TryParse(task, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number) && number is >= 1 and <= 99;

    private static ApiResult BadTask(string task) => ApiResult.BadRequest($"任务编号“{task}”无效。", [new FieldError("task", "应为 1–99 的数字。")]);

    private static List<FieldError> Validate(SubmissionRequest? body, IReadOnlyList<Indicator> indicators, bool required)
    {
        var errors = new List<FieldError>();
        if (body is null)
        {
            errors.Add(new("body", "请求体为空。"));
            return errors;
        }

        CheckText(body.Narrative, "narrative", "工作进展", MaxNarrative, required, errors);
        CheckText(body.Difficulties, "difficulties", "存在困难", MaxText, required: false, errors);
        CheckText(body.NextSteps, "nextSteps", "下一步打算", MaxText, required: false, errors);
        if ((required || body.Status is not null) && (body.Status is null || !Statuses.Contains(body.Status)))
        {
            errors.Add(new("status", "自评状态应为“按进度推进”“滞后”或“已完成”。"));
        }

        var values = body.Indicators ?? [];
        for (int i = 0; i < values.Count; i++)
        {
            IndicatorValue v = values[i];
            if (v is null || !indicators.Any(x => x.Name == v.Name))
            {
                errors.Add(new($"indicators[{i}].name", "不是本任务的指标（只有牵头单位填报指标）。"));
            }
            else if (v.Value is < 0 or > 1e15m)
            {
                errors.Add(new($"indicators[{i}].value", "应为不小于 0 的数值。"));
            }
        }

        if (values.Where(v => v is not null).GroupBy(v => v.Name).Any(g => g.Count() > 1))
        {
            errors.Add(new("indicators", "同一指标只能填一次。"));
        }

        return errors;
    }

    private static void CheckText(string? text, string field, string what, int max, bool required, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(new(field, $"请填写{what}。"));
            }

            return;
        }

        if (text.Length > max)
        {
            errors.Add(new(field, $"{what}不超过 {max} 字（现有 {text.Length} 字）。"));
        }

        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            errors.Add(new(field, $"{what}含有不可见的控制字符。"));
        }
    }

    /// <summary>The link's cycle and unit, if both still exist (a genuine link to a deleted cycle is a clear 404, not a crash).</summary>
    private async Task<CycleContext?> LoadAsync(LinkClaims claims, CancellationToken cancellationToken)
    {
        try
        {
            CycleContext cycle = await loader.LoadAsync(claims.Cycle, cancellationToken).ConfigureAwait(false);
            _ = cycle.Unit(claims.Unit);
            return cycle;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static ApiResult Gone() => ApiResult.NotFound("该链接对应的报送周期或单位已不存在，请联系市发改委。");

    private (LinkClaims? Claims, ApiResult? Denied) Authorize(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string header = request.Headers.Authorization.ToString();
        string? token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : request.Query["t"].ToString();
        if (string.IsNullOrEmpty(token))
        {
            return (null, ApiResult.Problem(StatusCodes.Status401Unauthorized, "需要专属链接", "请使用邮件中的专属链接访问。"));
        }

        LinkClaims? claims = links.Verify(token, clock.GetUtcNow());
        return claims is null || claims.Purpose != LinkTokens.UnitPurpose
            ? (null, ApiResult.Problem(StatusCodes.Status401Unauthorized, "链接无效或已过期", "该链接无效或已过期，请使用最新邮件中的链接，或联系市发改委。"))
            : (claims, null);
    }

    private sealed record SubmissionRequest(string? Narrative = null, string? Status = null, IReadOnlyList<IndicatorValue>? Indicators = null, string? Difficulties = null, string? NextSteps = null);

    private sealed record IndicatorValue(string Name, decimal Value);

    private sealed record ExtensionAsk(DateOnly? Due = null, string? Reason = null);
}
