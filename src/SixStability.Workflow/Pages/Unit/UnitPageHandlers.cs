using SixStability.Core.Links;

namespace SixStability.Workflow.Pages.Unit;

/// <summary>
/// <c>/u?t=…</c>: the unit's page. A form post calls the same use cases as the API; success redirects
/// back (303, so a refresh does not post again), a refusal shows the form again with the reason and
/// what was typed.
/// </summary>
public sealed class UnitPageHandlers(UnitLinkAccess access, UnitPageQuery page, SaveReportUseCase save, AttachFileUseCase attach, DetachFileUseCase detach, RequestExtensionUseCase extension, ReportingContactUseCase contact, HtmlComposer html)
{
    private static readonly Dictionary<string, string> Done = new(StringComparer.Ordinal)
    {
        ["draft"] = "草稿已保存。",
        ["submit"] = "已报送，谢谢！截止前如需修改，可重新报送。",
        ["extension"] = "延期申请已提交，请等待市发改委审核（结果将邮件通知）。",
        ["contact"] = "填报信息已保存。",
    };

    public async Task<ApiResult> GetAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        (UnitPageLink? link, ApiResult? denied) = await AuthorizeAsync(call.Request).ConfigureAwait(false);
        if (denied is not null)
        {
            return denied;
        }

        // 0 is the extension card; a task number its section.
        IQueryCollection query = call.Request.Query;
        int? focus = query["ok"] == "extension" ? 0 : query["ok"] == "contact" ? ContactCard.ContactFocus : int.TryParse(query["task"], NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null;
        PageMessage? done = Done.TryGetValue(query["ok"].ToString(), out string? text) ? new PageMessage(true, text, []) : null;
        return await RenderAsync(link!, focus, done, null, null, StatusCodes.Status200OK, call.Aborted).ConfigureAwait(false);
    }

    public async Task<ApiResult> PostAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        HttpRequest request = call.Request;
        (UnitPageLink? link, ApiResult? denied) = await AuthorizeAsync(request).ConfigureAwait(false);
        if (denied is not null)
        {
            return denied;
        }

        (UnitPagePost? post, string? unreadable) = await UnitPagePost.ReadAsync(request, call.Aborted).ConfigureAwait(false);
        if (post is null)
        {
            return await ErrorAsync(StatusCodes.Status400BadRequest, "无法识别的提交", unreadable!).ConfigureAwait(false);
        }

        (string cycleId, string unitId) = (link!.Claims.Cycle, link.Claims.Unit);
        Outcome<string> outcome = post.Action switch
        {
            _ when post.Unreadable.Count > 0 => Outcome.Refused<string>(RuleViolation.Of(SubmissionRules.Summary, post.Unreadable)),
            "draft" or "submit" => (await save.RunAsync(new SaveReportCommand(cycleId, unitId, post.Task, post.Form, post.Action == "draft", post.Revision, post.IdempotencyKey), call.Aborted).ConfigureAwait(false)).Map(_ => post.Action),
            "attach" when post.File is null => Outcome.Refused<string>(RuleViolation.Field("file", "请选择要上传的文件。")),
            "attach" => (await attach.RunAsync(new AttachFileCommand(cycleId, unitId, post.Task, post.File.Value.Name, post.File.Value.Content, IdempotencyKey: post.IdempotencyKey), call.Aborted).ConfigureAwait(false)).Map(_ => "附件已上传。"),
            "contact" => (await contact.SaveAsync(cycleId, unitId, post.Contact, call.Aborted).ConfigureAwait(false)).Map(_ => post.Action),
            "detach" => (await detach.RunAsync(new DetachFileCommand(cycleId, unitId, post.Task, post.FileId ?? string.Empty), call.Aborted).ConfigureAwait(false)).Map(_ => "附件已删除。"),
            _ => (await extension.RunAsync(new RequestExtensionCommand(cycleId, unitId, post.Due, post.Reason), call.Aborted).ConfigureAwait(false)).Map(_ => post.Action),
        };

        int focus = post.Action switch { "extension" => 0, "contact" => ContactCard.ContactFocus, _ => post.Task };
        string anchor = post.Action is "extension" or "contact" ? post.Action : $"task-{post.Task.ToString(CultureInfo.InvariantCulture)}";
        SubmissionForm? typed = post.Action is "extension" or "contact" ? null : post.Form;
        if (!outcome.IsOk)
        {
            // Refused: the form again, with the reason beside it and everything as it was typed.
            return await RenderAsync(link, focus, new PageMessage(false, outcome.Message, outcome.Errors), typed, post.TypedIndicators, OutcomeResults.Status(outcome.Kind), call.Aborted, post.Contact).ConfigureAwait(false);
        }

        // A file added or removed from a task's form: the page comes back with what was typed still in it (not yet saved).
        return post.Action is "attach" or "detach"
            ? await RenderAsync(link, focus, new PageMessage(true, outcome.Value! + "本项填写的内容尚未保存，请记得点击“保存草稿”或“提交报送”。", []), typed, post.TypedIndicators, StatusCodes.Status200OK, call.Aborted).ConfigureAwait(false)
            : ApiResult.SeeOther($"{link.Action}&ok={post.Action}{(focus <= 0 ? string.Empty : "&task=" + post.Task.ToString(CultureInfo.InvariantCulture))}#{anchor}");
    }

    private async Task<ApiResult> RenderAsync(UnitPageLink link, int? focus, PageMessage? message, SubmissionForm? typed, IReadOnlyDictionary<string, string>? typedIndicators, int status, CancellationToken cancellationToken, ReportingContact? typedContact = null)
    {
        Outcome<UnitPageModel> model = await page.RunAsync(link.Claims.Cycle, link.Claims.Unit, link.Action, focus, message, typed, typedIndicators, cancellationToken).ConfigureAwait(false);
        return model.IsOk
            ? ApiResult.Html(status, await html.PageAsync<UnitPage>(new Dictionary<string, object?> { ["Model"] = model.Value! with { TypedContact = typedContact } }).ConfigureAwait(false))
            : await ErrorAsync(StatusCodes.Status404NotFound, "报送周期不存在", model.Message).ConfigureAwait(false);
    }

    private async Task<(UnitPageLink? Link, ApiResult? Denied)> AuthorizeAsync(HttpRequest request)
    {
        string token = request.Query["t"].ToString();
        if (token.Length == 0)
        {
            return (null, await ErrorAsync(StatusCodes.Status401Unauthorized, "需要专属链接", "请点击市发改委邮件中的专属链接打开报送页面。").ConfigureAwait(false));
        }

        return access.Verify(token) is { } claims
            ? (new UnitPageLink(claims, $"{RouteTemplates.UnitPage}?t={Uri.EscapeDataString(token)}"), null)
            : (null, await ErrorAsync(StatusCodes.Status401Unauthorized, "链接无效或已过期", "该链接无效或已过期（可能复制不完整）。请使用最新一封通知邮件中的链接，或联系市发改委重新发送。").ConfigureAwait(false));
    }

    private async Task<ApiResult> ErrorAsync(int status, string title, string detail) =>
        ApiResult.Html(status, await html.PageAsync<ErrorPage>(new Dictionary<string, object?> { ["Title"] = title, ["Detail"] = detail }).ConfigureAwait(false));

    /// <param name="Action">The page's own address for this link, which its forms post back to.</param>
    private sealed record UnitPageLink(LinkClaims Claims, string Action);
}
