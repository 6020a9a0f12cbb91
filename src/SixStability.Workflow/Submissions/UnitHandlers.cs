using SixStability.Core.Links;

namespace SixStability.Workflow.Submissions;

/// <summary>
/// A unit's own API, reached with the signed link from its mail: each handler checks the link, parses,
/// calls one use case and maps its outcome. No rule lives here.
/// </summary>
public sealed class UnitHandlers(UnitLinkAccess access, UnitReportQuery reports, SaveReportUseCase save, AttachFileUseCase attach, DetachFileUseCase detach, RequestExtensionUseCase extension, ReportingContactUseCase contact)
{
    private const int MaxBodyBytes = 64 * 1024;

    public async Task<ApiResult> ListAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        (LinkClaims? link, ApiResult? denied) = access.Authorize(call.Request);
        return denied ?? (await reports.ObligationsAsync(link!.Cycle, link.Unit, call.Aborted).ConfigureAwait(false)).ToResult(view => ApiResult.Json(StatusCodes.Status200OK, view));
    }

    public Task<ApiResult> SubmitAsync(RouteCall call) => SaveAsync(call, draft: false);

    public Task<ApiResult> SaveDraftAsync(RouteCall call) => SaveAsync(call, draft: true);

    public async Task<ApiResult> HistoryAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        (LinkClaims? link, ApiResult? denied) = access.Authorize(call.Request);
        (int task, ApiResult? bad) = call.TaskNumber();
        return denied ?? bad ?? (await reports.HistoryAsync(link!.Cycle, link.Unit, task, call.Aborted).ConfigureAwait(false)).ToResult(items => ApiResult.Json(StatusCodes.Status200OK, items));
    }

    public Task<ApiResult> RequestExtensionAsync(RouteCall call) =>
        WithBodyAsync<ExtensionAsk>(call, async (link, body) => (await extension.RunAsync(new RequestExtensionCommand(link.Cycle, link.Unit, body.Due, body.Reason), call.Aborted).ConfigureAwait(false))
            .ToResult(request => ApiResult.Json(StatusCodes.Status202Accepted, new ExtensionAsked(request.Due, request.State))));

    public async Task<ApiResult> GetContactAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        (LinkClaims? link, ApiResult? denied) = access.Authorize(call.Request);
        return denied ?? (await contact.GetAsync(link!.Cycle, link.Unit, call.Aborted).ConfigureAwait(false)).ToResult(view => ApiResult.Json(StatusCodes.Status200OK, view));
    }

    public Task<ApiResult> SaveContactAsync(RouteCall call) =>
        WithBodyAsync<ReportingContact>(call, async (link, body) => (await contact.SaveAsync(link.Cycle, link.Unit, body, call.Aborted).ConfigureAwait(false))
            .ToResult(view => ApiResult.Json(StatusCodes.Status200OK, view)));

    /// <summary>附件: <c>POST …/{task}/attachments?name=文件名</c> with the file as the body.</summary>
    public async Task<ApiResult> AttachAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        (LinkClaims? link, ApiResult? denied) = access.Authorize(call.Request);
        (int task, ApiResult? bad) = call.TaskNumber();
        if ((denied ?? bad) is { } refused)
        {
            return refused;
        }

        (byte[]? content, ApiResult? tooLarge) = await RequestBody.ReadBytesAsync(call.Request, AttachmentRules.MaxBytes, call.Aborted).ConfigureAwait(false);
        if (tooLarge is not null)
        {
            return tooLarge;
        }

        var command = new AttachFileCommand(link!.Cycle, link.Unit, task, call.Request.Query["name"].ToString(), content!, RequestBody.IfMatch(call.Request));
        return (await attach.RunAsync(command, call.Aborted).ConfigureAwait(false))
            .ToResult(added => ApiResult.Json(StatusCodes.Status201Created, added.File, added.Obligation.RevisionTag));
    }

    public async Task<ApiResult> DetachAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        (LinkClaims? link, ApiResult? denied) = access.Authorize(call.Request);
        (int task, ApiResult? bad) = call.TaskNumber();
        return denied ?? bad ?? (await detach.RunAsync(new DetachFileCommand(link!.Cycle, link.Unit, task, call.Value("id"), RequestBody.IfMatch(call.Request)), call.Aborted).ConfigureAwait(false))
            .ToResult(o => ApiResult.Json(StatusCodes.Status200OK, new FilesLeft(task, o.Files), o.RevisionTag));
    }

    public async Task<ApiResult> DownloadAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        (LinkClaims? link, ApiResult? denied) = access.Authorize(call.Request);
        (int task, ApiResult? bad) = call.TaskNumber();
        return denied ?? bad ?? (await reports.AttachmentAsync(link!.Cycle, link.Unit, task, call.Value("id"), call.Aborted).ConfigureAwait(false))
            .ToResult(f => ApiResult.File(f.Content, f.File.ContentType, f.File.Name));
    }

    /// <summary>The unit's link checked, then its JSON body read: a refusal of either is the answer.</summary>
    private async Task<ApiResult> WithBodyAsync<TBody>(RouteCall call, Func<LinkClaims, TBody, Task<ApiResult>> run)
        where TBody : class
    {
        ArgumentNullException.ThrowIfNull(call);
        (LinkClaims? link, ApiResult? denied) = access.Authorize(call.Request);
        if (denied is not null)
        {
            return denied;
        }

        (TBody? body, ApiResult? unreadable) = await RequestBody.ReadJsonAsync<TBody>(call.Request, MaxBodyBytes, call.Aborted).ConfigureAwait(false);
        return unreadable ?? await run(link!, body!).ConfigureAwait(false);
    }

    private async Task<ApiResult> SaveAsync(RouteCall call, bool draft)
    {
        ArgumentNullException.ThrowIfNull(call);
        (LinkClaims? link, ApiResult? denied) = access.Authorize(call.Request);
        (int task, ApiResult? bad) = call.TaskNumber();
        if ((denied ?? bad) is { } refused)
        {
            return refused;
        }

        (SubmissionForm? form, ApiResult? unreadable) = await RequestBody.ReadJsonAsync<SubmissionForm>(call.Request, MaxBodyBytes, call.Aborted).ConfigureAwait(false);
        if (unreadable is not null)
        {
            return unreadable;
        }

        string? key = call.Request.Headers["Idempotency-Key"].ToString() is { Length: > 0 and <= 200 } k ? k : null;
        var command = new SaveReportCommand(link!.Cycle, link.Unit, task, form!, draft, RequestBody.IfMatch(call.Request), key);
        return (await save.RunAsync(command, call.Aborted).ConfigureAwait(false))
            .ToResult(saved => ApiResult.Json(StatusCodes.Status200OK, ReportSaved.Of(saved), saved.Obligation.RevisionTag));
    }
}

public sealed record ExtensionAsk(DateOnly? Due = null, string? Reason = null);

public sealed record ExtensionAsked(DateOnly Due, ExtensionRequestState State);

public sealed record FilesLeft(int Task, IReadOnlyList<Attachment> Attachments);

/// <param name="Replayed">True when the Idempotency-Key was seen before and nothing changed.</param>
public sealed record ReportSaved(int Task, ObligationState State, bool Late, DateTimeOffset? SubmittedAt, bool Replayed)
{
    public static ReportSaved Of(SavedReport saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        Obligation o = saved.Obligation;
        return new(o.TaskNumber, o.State, o.Late, o.SubmittedAt, saved.Replayed);
    }
}
