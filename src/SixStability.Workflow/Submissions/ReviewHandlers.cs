using System.Globalization;
using Microsoft.AspNetCore.Http;
using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Core.Notifications;
using SixStability.Core.Units;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Http;
using SixStability.Workflow.Notifications;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Submissions;

/// <summary>
/// The coordinator's review: return a submission for revision (退回, it is owed again and the unit is
/// told), and decide a unit's extension request (延期申请: approve — the cycle moves that unit's
/// date — or refuse, and the unit is told either way).
/// </summary>
public sealed class ReviewHandlers(CycleContextLoader loader, IObligationStore obligations, Notifier notifier, ILinkSigner links, BusinessCalendar china, TimeProvider clock)
{
    private const string EndedMessage = "本周期已结束。";

    private const int MaxBodyBytes = 16 * 1024;

    public async Task<ApiResult> ReturnAsync(HttpRequest request, string cycleId, CancellationToken cancellationToken)
    {
        (ReturnRequest? body, ApiResult? error) = await RequestBody.ReadJsonAsync<ReturnRequest>(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (string.IsNullOrWhiteSpace(body!.Reason) || body.Reason.Length > 1000)
        {
            return ApiResult.BadRequest("请填写退回理由（不超过 1000 字）。", [new FieldError("reason", "必填，不超过 1000 字。")]);
        }

        (CycleContext? cycle, ApiResult? closed) = await OpenCycleAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (closed is not null)
        {
            return closed;
        }

        Obligation? obligation = (await obligations.ListUnitAsync(cycleId, body.UnitId ?? string.Empty, cancellationToken).ConfigureAwait(false)).FirstOrDefault(o => o.TaskNumber == body.Task);
        if (obligation is null)
        {
            return ApiResult.NotFound($"单位“{body.UnitId}”在本周期没有任务（{body.Task}）。");
        }

        if (obligation.State != ObligationState.Submitted)
        {
            return ApiResult.Conflict("该任务尚未报送，无需退回。");
        }

        DateTimeOffset now = clock.GetUtcNow();
        Obligation returned;
        try
        {
            returned = await obligations.ChangeAsync(cycleId, obligation.UnitId, obligation.TaskNumber, o => o.State == ObligationState.Submitted ? o.Return(body.Reason) : o, new HistoryEntry(now, "coordinator", "returned", body.Reason), cancellationToken).ConfigureAwait(false);
        }
        catch (CycleClosedException)
        {
            return ApiResult.Conflict(EndedMessage);
        }

        DateOnly today = cycle!.Record.Frame.Today(now, cycle.Record.Policy);
        var task = new OwedTask(returned.TaskNumber, cycle.Task(returned.TaskNumber).Title, returned.Due, StepDecisions.WorkingDaysLeft(today, returned.Due, cycle.Calendar));
        Uri link = links.UnitLink(returned.UnitId, cycleId, await ExpiryAsync(cycle, cancellationToken).ConfigureAwait(false));
        await notifier.SendAsync(Notices.Returned(cycle.Facts, $"returned-{returned.UnitId}-{returned.TaskNumber}-{now.UtcTicks.ToString(CultureInfo.InvariantCulture)}", cycle.Unit(returned.UnitId), task, body.Reason, link), cancellationToken).ConfigureAwait(false);
        return ApiResult.Json(StatusCodes.Status200OK, new { unitId = returned.UnitId, task = returned.TaskNumber, state = returned.State });
    }

    /// <summary>The coordinator reads any unit's obligation in a cycle with every revision of it.</summary>
    public async Task<ApiResult> ReadAsync(string cycleId, string unitId, string task, CancellationToken cancellationToken)
    {
        if (!CycleIds.TryParse(cycleId, out _, out _) || !int.TryParse(task, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            return ApiResult.BadRequest("周期编号或任务编号无效。", [new FieldError("task", "应为数字。")]);
        }

        Obligation? obligation = (await obligations.ListUnitAsync(cycleId, unitId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(o => o.TaskNumber == number);
        if (obligation is null)
        {
            return ApiResult.NotFound($"单位“{unitId}”在周期“{cycleId}”中没有任务（{task}）。");
        }

        IReadOnlyList<HistoryEntry> history = await obligations.HistoryAsync(cycleId, unitId, number, cancellationToken).ConfigureAwait(false);
        return ApiResult.Json(StatusCodes.Status200OK, new
        {
            obligation,
            history = HistoryView.Of(history),
        });
    }

    public async Task<ApiResult> DecideExtensionAsync(HttpRequest request, string cycleId, string unitId, ICycleClient engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        (ExtensionDecision? body, ApiResult? error) = await RequestBody.ReadJsonAsync<ExtensionDecision>(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (body!.Approve is null)
        {
            return ApiResult.BadRequest("请说明是否同意（approve: true/false）。", [new FieldError("approve", "必填。")]);
        }

        if (body.Note is { Length: > 500 })
        {
            return ApiResult.BadRequest("说明不超过 500 字。", [new FieldError("note", "过长。")]);
        }

        (CycleContext? cycle, ApiResult? closed) = await OpenCycleAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (closed is not null)
        {
            return closed;
        }

        ExtensionRequest? pending = await obligations.GetExtensionRequestAsync(cycleId, unitId, cancellationToken).ConfigureAwait(false);
        if (pending is not { State: ExtensionRequestState.Pending })
        {
            return ApiResult.NotFound($"单位“{unitId}”没有待审批的延期申请。");
        }

        ExtensionRequest decided = pending with { State = body.Approve.Value ? ExtensionRequestState.Approved : ExtensionRequestState.Refused, Note = body.Note };
        await obligations.SaveExtensionRequestAsync(decided, cancellationToken).ConfigureAwait(false);
        if (body.Approve.Value)
        {
            // The cycle moves the unit's date and tells it (ExtendDeadlineActivity).
            await engine.RaiseAsync(cycleId, new CycleCommand(CycleCommandKind.Extend, unitId, pending.Due, body.Note ?? pending.Reason), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            IReadOnlyList<Obligation> owned = await obligations.ListUnitAsync(cycleId, unitId, cancellationToken).ConfigureAwait(false);
            Uri link = links.UnitLink(unitId, cycleId, await ExpiryAsync(cycle!, cancellationToken).ConfigureAwait(false));
            await notifier.SendAsync(Notices.ExtensionDecision(cycle!.Facts, $"extension-refused-{unitId}-{pending.RequestedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}", cycle.Unit(unitId), approved: false, owned.Min(o => o.Due), body.Note, link), cancellationToken).ConfigureAwait(false);
        }

        return ApiResult.Json(StatusCodes.Status202Accepted, new { unitId, state = decided.State, due = pending.Due });
    }

    private async Task<DateTimeOffset> ExpiryAsync(CycleContext cycle, CancellationToken cancellationToken) =>
        cycle.LinkExpiry(china, await obligations.DueDaysAsync(cycle.Record.CycleId, cancellationToken).ConfigureAwait(false));

    private async Task<(CycleContext? Cycle, ApiResult? Error)> OpenCycleAsync(string cycleId, CancellationToken cancellationToken)
    {
        if (!CycleIds.TryParse(cycleId, out _, out _))
        {
            return (null, ApiResult.BadRequest($"周期编号“{cycleId}”无效。", [new FieldError("cycleId", "应为 方案编号-2020Q3。")]));
        }

        CycleContext cycle;
        try
        {
            cycle = await loader.LoadAsync(cycleId, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            return (null, ApiResult.NotFound($"报送周期“{cycleId}”不存在。"));
        }

        return cycle.Record.Status == CycleStatus.Open ? (cycle, null) : (cycle, ApiResult.Conflict(EndedMessage));
    }


    private sealed record ReturnRequest(string? UnitId = null, int Task = 0, string? Reason = null);

    private sealed record ExtensionDecision(bool? Approve = null, string? Note = null);
}
