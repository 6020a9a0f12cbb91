using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SixStability.Core.Cycles;
using SixStability.Core.Links;
using SixStability.Core.Plans;
using SixStability.Core.Submissions;
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
public sealed class UnitHandlers(ILinkVerifier links, CycleContextLoader loader, IObligationStore obligations, IBlobStore blobs, TimeProvider clock)
{
    public const string AttachmentContainer = "attachments";
    public const string ClosedMessage = CycleClosedException.ClosedMessage;
    public const string StaleMessage = "该任务已被更新（可能在另一个窗口中），请刷新后再提交。";
    public const string GoneMessage = "该链接对应的报送周期或单位已不存在，请联系市发改委。";
    public const int MaxNarrative = 5000;
    public const int MaxText = 2000;
    private const int MaxBodyBytes = 64 * 1024;

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
                    attachments = o.Files,
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

        (SubmissionForm? body, ApiResult? unreadable) = await RequestBody.ReadJsonAsync<SubmissionForm>(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (unreadable is not null)
        {
            return unreadable;
        }

        string? key = request.Headers["Idempotency-Key"].ToString() is { Length: > 0 and <= 200 } k ? k : null;
        UnitOutcome outcome = await SaveAsync(claims!, number, body!, draft, RequestBody.IfMatch(request), key, cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            return outcome.ToProblem();
        }

        Obligation o = outcome.Obligation!;
        return ApiResult.Json(StatusCodes.Status200OK, new { task = number, state = o.State, late = o.Late, submittedAt = o.SubmittedAt, replayed = outcome.Replayed }, ETag(o));
    }

    /// <summary>
    /// Saves a draft or a submission of one task for the unit the link names: validated, kept with its
    /// history; <paramref name="ifMatch"/> guards against a stale form, <paramref name="idempotencyKey"/> against a double click.
    /// </summary>
    public async Task<UnitOutcome> SaveAsync(LinkClaims claims, int number, SubmissionForm body, bool draft, string? ifMatch, string? idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(body);
        (CycleContext? cycle, Obligation? obligation, UnitOutcome? missing) = await FindAsync(claims, number, cancellationToken).ConfigureAwait(false);
        if (missing is not null)
        {
            return missing;
        }

        // Bad input is named (400) before a closed cycle is refused (409), as the API has always answered.
        List<FieldError> errors = Validate(body, obligation!.IsLead ? cycle!.Task(number).Indicators : [], required: !draft);
        if (errors.Count > 0)
        {
            return UnitOutcome.Invalid("报送内容有误，请按提示修改。", errors);
        }

        if (cycle!.Record.Status != CycleStatus.Open)
        {
            return UnitOutcome.Conflict(ClosedMessage);
        }

        if (draft && obligation.State == ObligationState.Submitted)
        {
            return UnitOutcome.Conflict("已报送的材料如需修改，请直接重新报送。");
        }

        DateTimeOffset now = clock.GetUtcNow();
        DateOnly today = cycle.Record.Frame.Today(now, cycle.Record.Policy);
        var figures = new ReportedFigures(body.Status ?? string.Empty, body.Indicators ?? []);
        Obligation Apply(Obligation o)
        {
            if (ifMatch is not null && ifMatch != ETag(o))
            {
                throw new ConcurrencyConflictException(StaleMessage);
            }

            return draft ? o.SaveDraft() : o.Submit(now, today, figures);
        }

        // The files attached at this moment are part of what was submitted.
        var saved = new SavedForm(body.Narrative, body.Status, body.Indicators, body.Difficulties, body.NextSteps, obligation.Files);
        var entry = new HistoryEntry(now, claims.Unit, draft ? "draft" : "submitted", JsonSerializer.Serialize(saved, Json.Options));
        try
        {
            ChangeResult result = idempotencyKey is null
                ? new ChangeResult(await obligations.ChangeAsync(claims.Cycle, claims.Unit, number, Apply, entry, cancellationToken).ConfigureAwait(false), false)
                : await obligations.ChangeOnceAsync(claims.Cycle, claims.Unit, number, Apply, entry, idempotencyKey, cancellationToken).ConfigureAwait(false);
            return UnitOutcome.Saved(result.Obligation, result.Replayed);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or InvalidOperationException)
        {
            return UnitOutcome.Conflict(ex.Message);
        }
    }

    /// <summary>附件: <c>POST …/{task}/attachments?name=文件名</c> with the file as the body.</summary>
    public async Task<ApiResult> AttachAsync(HttpRequest request, string task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        (LinkClaims? claims, ApiResult? denied) = Authorize(request);
        if (denied is not null)
        {
            return denied;
        }

        if (!TryTask(task, out int number))
        {
            return BadTask(task);
        }

        if (request.ContentLength > AttachmentRules.MaxBytes)
        {
            return ApiResult.Problem(StatusCodes.Status413PayloadTooLarge, "文件过大", $"文件超过 {AttachmentRules.MaxBytes / 1024 / 1024} MB。");
        }

        byte[]? content = await ReadBoundedAsync(request.Body, AttachmentRules.MaxBytes, cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return ApiResult.Problem(StatusCodes.Status413PayloadTooLarge, "文件过大", $"文件超过 {AttachmentRules.MaxBytes / 1024 / 1024} MB。");
        }

        UnitOutcome outcome = await AttachAsync(claims!, number, request.Query["name"].ToString(), content, RequestBody.IfMatch(request), cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            return outcome.ToProblem();
        }

        Attachment added = outcome.Obligation!.Files[^1];
        return ApiResult.Json(StatusCodes.Status201Created, new { added.Id, added.Name, added.ContentType, added.Size }, ETag(outcome.Obligation));
    }

    /// <summary>Stores one file for one of the unit's tasks: the blob first, then the obligation names it (a lost race leaves an orphan blob, never a name without a file).</summary>
    public async Task<UnitOutcome> AttachAsync(LinkClaims claims, int number, string? fileName, byte[] content, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(content);
        (Obligation? obligation, UnitOutcome? refused) = await OpenObligationAsync(claims, number, cancellationToken).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        (string? error, string contentType, string name) = AttachmentRules.Check(fileName, content.Length, obligation!.Files.Count);
        if (error is not null)
        {
            return UnitOutcome.Invalid(error, [new FieldError("file", error)]);
        }

        var file = new Attachment(Guid.NewGuid().ToString("N"), name, contentType, content.Length);
        await blobs.PutAsync(AttachmentContainer, BlobName(claims.Cycle, claims.Unit, number, file.Id), content, contentType, cancellationToken).ConfigureAwait(false);
        try
        {
            Obligation changed = await obligations.ChangeAsync(
                claims.Cycle,
                claims.Unit,
                number,
                o => ifMatch is not null && ifMatch != ETag(o) ? throw new ConcurrencyConflictException(StaleMessage)
                    : AttachmentRules.Check(name, content.Length, o.Files.Count).Error is { } full ? throw new InvalidOperationException(full)
                    : o.Attach(file),
                new HistoryEntry(clock.GetUtcNow(), claims.Unit, "attached", name),
                cancellationToken).ConfigureAwait(false);
            return UnitOutcome.Saved(changed);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or InvalidOperationException)
        {
            await blobs.DeleteAsync(AttachmentContainer, BlobName(claims.Cycle, claims.Unit, number, file.Id), cancellationToken).ConfigureAwait(false);
            return UnitOutcome.Conflict(ex.Message);
        }
    }

    public async Task<ApiResult> DetachAsync(HttpRequest request, string task, string id, CancellationToken cancellationToken)
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

        UnitOutcome outcome = await DetachAsync(claims!, number, id, RequestBody.IfMatch(request), cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded ? ApiResult.Json(StatusCodes.Status200OK, new { task = number, attachments = outcome.Obligation!.Files }, ETag(outcome.Obligation)) : outcome.ToProblem();
    }

    /// <summary>Removes a file from the unit's current form; a submission made earlier keeps naming it in the history, so the blob stays.</summary>
    public async Task<UnitOutcome> DetachAsync(LinkClaims claims, int number, string id, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        (Obligation? obligation, UnitOutcome? refused) = await OpenObligationAsync(claims, number, cancellationToken).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        if (!obligation!.Files.Any(f => f.Id == id))
        {
            return UnitOutcome.NotFound("该附件不存在或已删除。");
        }

        try
        {
            Obligation changed = await obligations.ChangeAsync(
                claims.Cycle,
                claims.Unit,
                number,
                o => ifMatch is not null && ifMatch != ETag(o) ? throw new ConcurrencyConflictException(StaleMessage) : o.Detach(id),
                new HistoryEntry(clock.GetUtcNow(), claims.Unit, "detached", obligation.Files.First(f => f.Id == id).Name),
                cancellationToken).ConfigureAwait(false);
            return UnitOutcome.Saved(changed);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or InvalidOperationException)
        {
            return UnitOutcome.Conflict(ex.Message);
        }
    }

    /// <summary>One of the unit's own files, or any unit's for the coordinator (the route decides who may ask).</summary>
    public async Task<ApiResult> DownloadAsync(HttpRequest request, string task, string id, CancellationToken cancellationToken)
    {
        (LinkClaims? claims, ApiResult? denied) = Authorize(request);
        if (denied is not null)
        {
            return denied;
        }

        return TryTask(task, out int number) ? await DownloadAsync(claims!.Cycle, claims.Unit, number, id, cancellationToken).ConfigureAwait(false) : BadTask(task);
    }

    /// <summary>The coordinator's copy of any unit's file (the admin key is checked by the host).</summary>
    public async Task<ApiResult> DownloadAsync(string cycleId, string unitId, string task, string id, CancellationToken cancellationToken) =>
        TryTask(task, out int number) ? await DownloadAsync(cycleId, unitId, number, id, cancellationToken).ConfigureAwait(false) : BadTask(task);

    private async Task<ApiResult> DownloadAsync(string cycleId, string unitId, int number, string id, CancellationToken cancellationToken)
    {
        // A file named by the obligation now, or by any revision in its history (a detached file a submission still names).
        IReadOnlyList<Obligation> mine = await obligations.ListUnitAsync(cycleId, unitId, cancellationToken).ConfigureAwait(false);
        Attachment? file = mine.FirstOrDefault(o => o.TaskNumber == number)?.Files.FirstOrDefault(f => f.Id == id);
        if (file is null && mine.Any(o => o.TaskNumber == number))
        {
            file = (await obligations.HistoryAsync(cycleId, unitId, number, cancellationToken).ConfigureAwait(false))
                .Select(h => h.Detail is { Length: > 0 } d && d.StartsWith('{') ? JsonSerializer.Deserialize<SavedForm>(d, Json.Options) : null)
                .SelectMany(f => f?.Attachments ?? [])
                .FirstOrDefault(f => f.Id == id);
        }

        StoredBlob? blob = file is null ? null : await blobs.GetAsync(AttachmentContainer, BlobName(cycleId, unitId, number, id), cancellationToken).ConfigureAwait(false);
        return blob is null ? ApiResult.NotFound("该附件不存在。") : ApiResult.File(blob.Content, file!.ContentType, file.Name);
    }

    /// <summary>The link's cycle and the unit's obligation for one task; a clear 404 when either is gone.</summary>
    private async Task<(CycleContext? Cycle, Obligation? Obligation, UnitOutcome? Missing)> FindAsync(LinkClaims claims, int number, CancellationToken cancellationToken)
    {
        CycleContext? cycle = await LoadAsync(claims, cancellationToken).ConfigureAwait(false);
        if (cycle is null)
        {
            return (null, null, UnitOutcome.NotFound(GoneMessage));
        }

        Obligation? obligation = (await obligations.ListUnitAsync(claims.Cycle, claims.Unit, cancellationToken).ConfigureAwait(false)).FirstOrDefault(o => o.TaskNumber == number);
        return obligation is null ? (cycle, null, UnitOutcome.NotFound($"贵单位在本周期没有任务（{number}）。")) : (cycle, obligation, null);
    }

    /// <summary>As <see cref="FindAsync"/>, for a change that needs the cycle still open.</summary>
    private async Task<(Obligation? Obligation, UnitOutcome? Refused)> OpenObligationAsync(LinkClaims claims, int number, CancellationToken cancellationToken)
    {
        (CycleContext? cycle, Obligation? obligation, UnitOutcome? missing) = await FindAsync(claims, number, cancellationToken).ConfigureAwait(false);
        return missing is not null ? (null, missing)
            : cycle!.Record.Status != CycleStatus.Open ? (null, UnitOutcome.Conflict(ClosedMessage))
            : (obligation, null);
    }

    private static async Task<byte[]?> ReadBoundedAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static string BlobName(string cycleId, string unitId, int task, string id) =>
        $"{Uri.EscapeDataString(cycleId)}/{Uri.EscapeDataString(unitId)}/{task:D2}/{id}";

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

        UnitOutcome outcome = await RequestExtensionAsync(claims!, body!.Due, body.Reason, cancellationToken).ConfigureAwait(false);
        return outcome.Succeeded ? ApiResult.Json(StatusCodes.Status202Accepted, new { due = body.Due, state = ExtensionRequestState.Pending }) : outcome.ToProblem();
    }

    /// <summary>Keeps the unit's request for a later date (one per unit and cycle; a new one replaces it) for the coordinator to decide.</summary>
    public async Task<UnitOutcome> RequestExtensionAsync(LinkClaims claims, DateOnly? due, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        CycleContext? cycle = await LoadAsync(claims, cancellationToken).ConfigureAwait(false);
        if (cycle is null)
        {
            return UnitOutcome.NotFound(GoneMessage);
        }

        IReadOnlyList<Obligation> mine = await obligations.ListUnitAsync(claims.Cycle, claims.Unit, cancellationToken).ConfigureAwait(false);
        var errors = new List<FieldError>();
        if (due is null || mine.Count == 0 || due <= mine.Min(o => o.Due))
        {
            errors.Add(new("due", "申请的截止日期须晚于现在的截止日期。"));
        }

        CheckText(reason, "reason", "延期理由", 500, required: true, errors);
        if (errors.Count > 0)
        {
            return UnitOutcome.Invalid("延期申请有误。", errors);
        }

        if (cycle.Record.Status != CycleStatus.Open)
        {
            return UnitOutcome.Conflict("本周期已关闭。");
        }

        await obligations.SaveExtensionRequestAsync(new ExtensionRequest(claims.Cycle, claims.Unit, due!.Value, reason!, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return new UnitOutcome(StatusCodes.Status202Accepted);
    }

    /// <summary>The unit's extension request in this cycle, if it made one.</summary>
    public Task<ExtensionRequest?> ExtensionRequestAsync(LinkClaims claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return obligations.GetExtensionRequestAsync(claims.Cycle, claims.Unit, cancellationToken);
    }

    public static string ETag(Obligation o) => $"\"r{o.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"";

    public static bool TryTask(string task, out int number) =>
        int.TryParse(task, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number) && number is >= 1 and <= 99;

    private static ApiResult BadTask(string task) => ApiResult.BadRequest($"任务编号“{task}”无效。", [new FieldError("task", "应为 1–99 的数字。")]);

    private static List<FieldError> Validate(SubmissionForm? body, IReadOnlyList<Indicator> indicators, bool required)
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
        if ((required || body.Status is not null) && (body.Status is null || !ReportedFigures.Statuses.Contains(body.Status)))
        {
            errors.Add(new("status", "自评状态应为“按进度推进”“滞后”或“已完成”。"));
        }

        var values = body.Indicators ?? [];
        for (int i = 0; i < values.Count; i++)
        {
            IndicatorReading v = values[i];
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

    private static ApiResult Gone() => ApiResult.NotFound(GoneMessage);

    private (LinkClaims? Claims, ApiResult? Denied) Authorize(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string header = request.Headers.Authorization.ToString();
        string? token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : request.Query["t"].ToString();
        if (string.IsNullOrEmpty(token))
        {
            return (null, ApiResult.Problem(StatusCodes.Status401Unauthorized, "需要专属链接", "请使用邮件中的专属链接访问。"));
        }

        LinkClaims? claims = Verify(token);
        return claims is null
            ? (null, ApiResult.Problem(StatusCodes.Status401Unauthorized, "链接无效或已过期", "该链接无效或已过期，请使用最新邮件中的链接，或联系市发改委。"))
            : (claims, null);
    }

    /// <summary>The unit and cycle a link grants, or null when it is tampered, expired or not a unit's link.</summary>
    public LinkClaims? Verify(string? token) =>
        links.Verify(token, clock.GetUtcNow()) is { Purpose: LinkTokens.UnitPurpose } claims ? claims : null;

    private sealed record ExtensionAsk(DateOnly? Due = null, string? Reason = null);
}
