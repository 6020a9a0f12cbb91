using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SixStability.Core.Cycles;
using SixStability.Core.Links;
using SixStability.Core.Notifications;
using SixStability.Core.Plans;
using SixStability.Core.Submissions;
using SixStability.Core.Text;
using SixStability.Core.Units;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Http;
using SixStability.Workflow.Ports;
using SixStability.Workflow.Submissions;
using static SixStability.Workflow.Pages.HtmlPage;

namespace SixStability.Workflow.Pages;

/// <summary>
/// <c>/u?t=…</c>: the page a unit's clerk opens from the mail. Plain HTML forms posting back to the
/// same address, so it works on a phone and in an old office browser without script; the same
/// validation and storage as the API (<see cref="UnitHandlers"/>).
/// </summary>
public sealed class UnitFormPage(UnitHandlers handlers, CycleContextLoader loader, IObligationStore obligations, TimeProvider clock)
{
    public const string Route = "u";

    private static readonly Dictionary<string, string> Done = new(StringComparer.Ordinal)
    {
        ["draft"] = "草稿已保存。",
        ["submit"] = "已报送，谢谢！截止前如需修改，可重新报送。",
        ["attach"] = "附件已上传。",
        ["detach"] = "附件已删除。",
        ["extension"] = "延期申请已提交，请等待市发改委审核（结果将邮件通知）。",
    };

    public async Task<ApiResult> GetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        (LinkClaims? claims, ApiResult? denied) = Authorize(request);
        if (denied is not null)
        {
            return denied;
        }

        // 0 is the extension card; a task number its section.
        int? task = request.Query["ok"] == "extension" ? 0 : int.TryParse(request.Query["task"], NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null;
        string? done = Done.GetValueOrDefault(request.Query["ok"].ToString());
        return await RenderAsync(claims!, Token(request), task, done is null ? null : new Message(true, done, []), null, StatusCodes.Status200OK, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One task's form posted: 保存草稿, 提交报送, 上传附件 or 删除附件; success redirects back (303), a refusal shows the form again with the reason and what was typed.</summary>
    public async Task<ApiResult> PostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        (LinkClaims? claims, ApiResult? denied) = Authorize(request);
        if (denied is not null)
        {
            return denied;
        }

        string token = Token(request);
        if (!request.HasFormContentType)
        {
            return ApiResult.Html(StatusCodes.Status400BadRequest, Error("无法识别的提交", "请在报送页面上填写并提交。"));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return ApiResult.Html(StatusCodes.Status400BadRequest, Error("提交内容过大或不完整", $"附件每个不超过 {AttachmentRules.MaxBytes / 1024 / 1024} MB，请重试。"));
        }

        string action = form["action"].ToString();
        int number = 0;
        if (action != "extension" && !UnitHandlers.TryTask(form["task"].ToString(), out number))
        {
            return ApiResult.Html(StatusCodes.Status400BadRequest, Error("无法识别的任务", "请在报送页面上填写并提交。"));
        }

        string? ifMatch = form["rev"].ToString() is { Length: > 0 } rev ? rev : null;
        UnitOutcome outcome;
        SubmissionForm? typed = null;
        switch (action)
        {
            case "draft" or "submit":
                (typed, List<FieldError> unreadable) = ReadForm(form);
                outcome = unreadable.Count > 0
                    ? UnitOutcome.Invalid("报送内容有误，请按提示修改。", unreadable)
                    : await handlers.SaveAsync(claims!, number, typed, action == "draft", ifMatch, form["key"].ToString() is { Length: > 0 and <= 200 } key ? key : null, cancellationToken).ConfigureAwait(false);
                break;
            case "attach":
                IFormFile? file = form.Files.GetFile("file");
                if (file is null || file.Length == 0)
                {
                    outcome = UnitOutcome.Invalid("请选择要上传的文件。", [new FieldError("file", "请选择要上传的文件。")]);
                    break;
                }

                if (file.Length > AttachmentRules.MaxBytes)
                {
                    outcome = UnitOutcome.Invalid($"文件超过 {AttachmentRules.MaxBytes / 1024 / 1024} MB。", [new FieldError("file", "文件过大。")]);
                    break;
                }

                using (var buffer = new MemoryStream((int)file.Length))
                {
                    await file.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                    outcome = await handlers.AttachAsync(claims!, number, file.FileName, buffer.ToArray(), null, cancellationToken).ConfigureAwait(false);
                }

                break;
            case "extension":
                DateOnly? asked = DateOnly.TryParseExact(form["due"].ToString().Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day) ? day : null;
                outcome = asked is null
                    ? UnitOutcome.Invalid("请按“2020-10-20”的格式填写申请的截止日期。", [new FieldError("due", "日期格式应为 年-月-日。")])
                    : await handlers.RequestExtensionAsync(claims!, asked, form["reason"].ToString(), cancellationToken).ConfigureAwait(false);
                return outcome.Succeeded
                    ? ApiResult.SeeOther($"{Route}?t={Uri.EscapeDataString(token)}&ok=extension#extension")
                    : await RenderAsync(claims!, token, 0, new Message(false, outcome.Message ?? "未能提交。", outcome.Errors ?? []), null, outcome.Status, cancellationToken).ConfigureAwait(false);
            case "detach":
                outcome = await handlers.DetachAsync(claims!, number, form["file"].ToString(), null, cancellationToken).ConfigureAwait(false);
                break;
            default:
                return ApiResult.Html(StatusCodes.Status400BadRequest, Error("无法识别的操作", "请在报送页面上点击“保存草稿”或“提交报送”。"));
        }

        return outcome.Succeeded
            ? ApiResult.SeeOther($"{Route}?t={Uri.EscapeDataString(token)}&ok={action}&task={number.ToString(CultureInfo.InvariantCulture)}#task-{number.ToString(CultureInfo.InvariantCulture)}")
            : await RenderAsync(claims!, token, number, new Message(false, outcome.Message ?? "未能保存。", outcome.Errors ?? []), typed, outcome.Status, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ApiResult> RenderAsync(LinkClaims claims, string token, int? focus, Message? message, SubmissionForm? typed, int status, CancellationToken cancellationToken)
    {
        CycleContext cycle;
        Unit unit;
        try
        {
            cycle = await loader.LoadAsync(claims.Cycle, cancellationToken).ConfigureAwait(false);
            unit = cycle.Unit(claims.Unit);
        }
        catch (InvalidOperationException)
        {
            return ApiResult.Html(StatusCodes.Status404NotFound, Error("报送周期不存在", UnitHandlers.GoneMessage));
        }

        List<Obligation> mine = [.. (await obligations.ListUnitAsync(claims.Cycle, claims.Unit, cancellationToken).ConfigureAwait(false)).OrderBy(o => o.TaskNumber)];
        bool open = cycle.Record.Status == CycleStatus.Open;
        DateOnly today = cycle.Record.Frame.Today(clock.GetUtcNow(), cycle.Record.Policy);
        string action = $"{Route}?t={Uri.EscapeDataString(token)}";

        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(cycle.Plan.Title)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<p><b>报送单位：</b><span id=\"unit\">{E(unit.Name)}</span><br><b>报送周期：</b>{E(cycle.Record.Frame.Quarter.ChineseName)}落实情况</p>");
        int submitted = mine.Count(o => o.State == ObligationState.Submitted);
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"card\"><p>贵单位本季度共需报送 <b>{mine.Count}</b> 项任务，已报送 <b id=\"submitted-count\">{submitted}</b> 项。</p>");
        if (!open)
        {
            html.Append("<p class=\"msg err\">本周期已关闭，不能再报送或修改。以下为已报送的内容。</p>");
        }

        html.Append("<table><tr><th>任务</th><th>截止日期</th><th>状态</th></tr>");
        foreach (Obligation o in mine)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#task-{o.TaskNumber}\">（{ChineseNumerals.Format(o.TaskNumber)}）{E(cycle.Task(o.TaskNumber).Title)}</a></td><td>{E(ChineseDates.MonthDay(o.Due))}<br><span class=\"muted\">{E(DaysLeft(today, o, cycle))}</span></td><td>{StateBadge(o)}</td></tr>");
        }

        html.Append("</table></div>");
        html.Append(Extension(await handlers.ExtensionRequestAsync(claims, cancellationToken).ConfigureAwait(false), open && mine.Any(o => o.IsOwed), focus == 0 ? message : null, action));
        IReadOnlyDictionary<int, IReadOnlyList<HistoryEntry>> histories = await obligations.UnitHistoryAsync(claims.Cycle, claims.Unit, cancellationToken).ConfigureAwait(false);
        foreach (Obligation o in mine)
        {
            IReadOnlyList<HistoryEntry> history = histories.GetValueOrDefault(o.TaskNumber, []);
            SavedForm? lastSubmitted = Last(history, "submitted");
            SavedForm? lastSaved = Last(history, "submitted", "draft");
            bool focused = focus == o.TaskNumber;
            html.Append(Section(cycle.Task(o.TaskNumber), o, lastSubmitted, focused && typed is not null ? ToSaved(typed) : lastSaved, focused ? message : null, open, action, today, cycle));
        }

        return ApiResult.Html(status, Render($"{unit.Name} — {cycle.Record.Frame.Quarter.ChineseName}“六稳六保”落实情况报送", html.ToString()));
    }

    private static string Section(PlanTask task, Obligation o, SavedForm? submitted, SavedForm? shown, Message? message, bool open, string action, DateOnly today, CycleContext cycle)
    {
        var html = new StringBuilder();
        string n = o.TaskNumber.ToString(CultureInfo.InvariantCulture);
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"task-{n}\"><h2>（{ChineseNumerals.Format(o.TaskNumber)}）{E(task.Title)}</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{StateBadge(o)} <span class=\"muted\">{(o.IsLead ? "牵头单位" : "配合单位")} · 截止 {E(ChineseDates.Full(o.Due))} · {E(DaysLeft(today, o, cycle))}</span></p>");
        html.Append(CultureInfo.InvariantCulture, $"<details><summary>任务内容</summary><p>{E(task.Text)}</p></details>");
        if (message is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"msg {(message.Ok ? "ok" : "err")}\" role=\"status\">{E(message.Text)}");
            if (message.Errors.Count > 0)
            {
                html.Append("<ul>");
                foreach (FieldError error in message.Errors)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li>{E(error.Message)}</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</div>");
        }

        if (o.ReturnReason is { Length: > 0 } reason)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"msg err\">市发改委已退回，请修改后重新报送。退回理由：{E(reason)}</p>");
        }

        if (o.State == ObligationState.Submitted && submitted is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"submitted\" id=\"submitted-{n}\"><b>已报送（{E(ChineseDates.Full(o.SubmittedAt!.Value.ToOffset(Core.Calendar.ChinaTime.Offset)))}）：</b>\n{E(submitted.Narrative)}\n自评：{E(submitted.Status)}");
            foreach (IndicatorReading r in submitted.Indicators ?? [])
            {
                html.Append(CultureInfo.InvariantCulture, $"\n{E(r.Name)}：{r.Value.ToString(CultureInfo.InvariantCulture)}");
            }

            html.Append("</div>");
        }

        html.Append(Attachments(o, open, action, n));
        if (!open)
        {
            return html.Append("</section>").ToString();
        }

        html.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{E(action)}#task-{n}\" accept-charset=\"utf-8\">");
        html.Append(CultureInfo.InvariantCulture, $"<input type=\"hidden\" name=\"task\" value=\"{n}\"><input type=\"hidden\" name=\"rev\" value=\"{E(UnitHandlers.ETag(o))}\"><input type=\"hidden\" name=\"key\" value=\"{Guid.NewGuid():N}\">");
        html.Append(CultureInfo.InvariantCulture, $"<label for=\"narrative-{n}\">工作进展（必填，不超过 {UnitHandlers.MaxNarrative} 字）</label><textarea id=\"narrative-{n}\" name=\"narrative\" maxlength=\"{UnitHandlers.MaxNarrative}\">{E(shown?.Narrative)}</textarea>");
        html.Append("<label>自评状态（必选）</label>");
        foreach (string status in ReportedFigures.Statuses)
        {
            string check = shown?.Status == status ? " checked" : string.Empty;
            html.Append(CultureInfo.InvariantCulture, $"<input type=\"radio\" name=\"status\" id=\"status-{n}-{status}\" value=\"{E(status)}\"{check}> <label for=\"status-{n}-{status}\" style=\"display:inline;font-weight:normal\">{E(status)}</label>&nbsp; ");
        }

        if (o.IsLead)
        {
            for (int i = 0; i < task.Indicators.Count; i++)
            {
                Indicator indicator = task.Indicators[i];
                string value = shown?.Indicators?.FirstOrDefault(r => r.Name == indicator.Name)?.Value.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
                string target = $"{(indicator.Direction == IndicatorDirection.AtMost ? "不超过" : "目标")} {indicator.Target.ToString(CultureInfo.InvariantCulture)} {indicator.Unit}";
                html.Append(CultureInfo.InvariantCulture, $"<label for=\"ind-{n}-{i}\">{E(indicator.Name)}（{E(indicator.Unit)}，{E(target)}）</label><input type=\"text\" inputmode=\"decimal\" id=\"ind-{n}-{i}\" name=\"ind.{i}\" value=\"{E(value)}\"><input type=\"hidden\" name=\"indname.{i}\" value=\"{E(indicator.Name)}\">");
            }
        }

        html.Append(CultureInfo.InvariantCulture, $"<label for=\"difficulties-{n}\">存在困难（选填）</label><textarea id=\"difficulties-{n}\" name=\"difficulties\" maxlength=\"{UnitHandlers.MaxText}\">{E(shown?.Difficulties)}</textarea>");
        html.Append(CultureInfo.InvariantCulture, $"<label for=\"next-{n}\">下一步打算（选填）</label><textarea id=\"next-{n}\" name=\"nextSteps\" maxlength=\"{UnitHandlers.MaxText}\">{E(shown?.NextSteps)}</textarea>");
        if (o.State != ObligationState.Submitted)
        {
            html.Append("<button type=\"submit\" name=\"action\" value=\"draft\">保存草稿</button>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<button type=\"submit\" name=\"action\" value=\"submit\" class=\"primary\">{(o.State == ObligationState.Submitted ? "重新报送" : "提交报送")}</button></form>");
        return html.Append("</section>").ToString();
    }

    /// <summary>延期申请: what the unit asked and what was decided, and the form to ask (while something is owed).</summary>
    private static string Extension(ExtensionRequest? asked, bool canAsk, Message? message, string action)
    {
        if (asked is null && !canAsk)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<div class=\"card\" id=\"extension\"><b>延期申请</b>");
        if (message is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"msg {(message.Ok ? "ok" : "err")}\">{E(message.Text)}{string.Concat(message.Errors.Select(e => $"<br>{E(e.Message)}"))}</div>");
        }

        if (asked is not null)
        {
            string state = asked.State switch
            {
                ExtensionRequestState.Approved => "已同意",
                ExtensionRequestState.Refused => "未同意",
                _ => "待市发改委审核",
            };
            html.Append(CultureInfo.InvariantCulture, $"<p id=\"extension-state\">已申请延期至 {E(ChineseDates.Full(asked.Due))}：{state}{(asked.Note is { Length: > 0 } note ? "（" + E(note) + "）" : string.Empty)}</p>");
        }

        if (canAsk)
        {
            html.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{E(action)}#extension\"><input type=\"hidden\" name=\"action\" value=\"extension\">");
            html.Append("<label for=\"due\">申请的截止日期（年-月-日）</label><input type=\"date\" id=\"due\" name=\"due\" placeholder=\"2020-10-20\">");
            html.Append("<label for=\"reason\">延期理由（必填，不超过 500 字）</label><textarea id=\"reason\" name=\"reason\" maxlength=\"500\" style=\"min-height:60px\"></textarea>");
            html.Append("<button type=\"submit\">提交延期申请</button></form>");
        }

        return html.Append("</div>").ToString();
    }

    private static string Attachments(Obligation o, bool open, string action, string n)
    {
        var html = new StringBuilder("<div><b>附件：</b>");
        if (o.Files.Count == 0)
        {
            html.Append("<span class=\"muted\">无</span>");
        }

        foreach (Attachment file in o.Files)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div>{E(file.Name)} <span class=\"muted\">（{(file.Size + 1023) / 1024} KB）</span>");
            if (open)
            {
                html.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{E(action)}#task-{n}\" style=\"display:inline\"><input type=\"hidden\" name=\"task\" value=\"{n}\"><input type=\"hidden\" name=\"file\" value=\"{E(file.Id)}\"><button type=\"submit\" name=\"action\" value=\"detach\">删除</button></form>");
            }

            html.Append("</div>");
        }

        if (open && o.Files.Count < AttachmentRules.MaxPerTask)
        {
            html.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"{E(action)}#task-{n}\" enctype=\"multipart/form-data\"><input type=\"hidden\" name=\"task\" value=\"{n}\"><input type=\"file\" name=\"file\" id=\"file-{n}\"> <button type=\"submit\" name=\"action\" value=\"attach\">上传附件</button><div class=\"muted\">可上传 {E(AttachmentRules.Allowed)}，每个不超过 {AttachmentRules.MaxBytes / 1024 / 1024} MB，最多 {AttachmentRules.MaxPerTask} 个。</div></form>");
        }

        return html.Append("</div>").ToString();
    }

    /// <summary>The typed form; a number that is not a number is named here, the rest is checked by <see cref="UnitHandlers"/>.</summary>
    private static (SubmissionForm Form, List<FieldError> Errors) ReadForm(IFormCollection form)
    {
        var errors = new List<FieldError>();
        var readings = new List<IndicatorReading>();
        for (int i = 0; i < 50 && form.ContainsKey($"indname.{i}"); i++)
        {
            string name = form[$"indname.{i}"].ToString();
            string text = form[$"ind.{i}"].ToString().Trim().Replace(",", string.Empty, StringComparison.Ordinal).Replace("，", string.Empty, StringComparison.Ordinal);
            if (text.Length == 0)
            {
                continue;
            }

            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal value))
            {
                readings.Add(new IndicatorReading(name, value));
            }
            else
            {
                errors.Add(new FieldError($"indicators[{i}].value", $"“{name}”应填数字（现为“{text}”）。"));
            }
        }

        static string? Text(IFormCollection form, string key) => form[key].ToString() is { Length: > 0 } s ? s.Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        return (new SubmissionForm(Text(form, "narrative"), Text(form, "status"), readings, Text(form, "difficulties"), Text(form, "nextSteps")), errors);
    }

    private static SavedForm ToSaved(SubmissionForm f) => new(f.Narrative, f.Status, f.Indicators, f.Difficulties, f.NextSteps);

    private static SavedForm? Last(IReadOnlyList<HistoryEntry> history, params string[] kinds) =>
        history.LastOrDefault(h => kinds.Contains(h.What) && h.Detail is { Length: > 0 }) is { } entry
            ? JsonSerializer.Deserialize<SavedForm>(entry.Detail!, Json.Options)
            : null;

    private static string StateBadge(Obligation o) => o.State switch
    {
        ObligationState.Submitted => $"<span class=\"state s-Submitted\">已报送{(o.Late ? "（逾期）" : string.Empty)}</span>",
        ObligationState.Draft => "<span class=\"state s-Draft\">草稿</span>",
        _ => o.ReturnReason is not null ? "<span class=\"state s-late\">已退回</span>" : "<span class=\"state s-Outstanding\">未报送</span>",
    };

    private static string DaysLeft(DateOnly today, Obligation o, CycleContext cycle)
    {
        if (o.State == ObligationState.Submitted)
        {
            return string.Empty;
        }

        if (today > o.Due)
        {
            return "已逾期";
        }

        int left = StepDecisions.WorkingDaysLeft(today, o.Due, cycle.Calendar);
        return left > 0 ? $"还剩 {left} 个工作日" : "今天截止";
    }

    private static string Token(HttpRequest request) => request.Query["t"].ToString();

    private (LinkClaims? Claims, ApiResult? Denied) Authorize(HttpRequest request)
    {
        string token = Token(request);
        if (token.Length == 0)
        {
            return (null, ApiResult.Html(StatusCodes.Status401Unauthorized, Error("需要专属链接", "请点击市发改委邮件中的专属链接打开报送页面。")));
        }

        LinkClaims? claims = handlers.Verify(token);
        return claims is null
            ? (null, ApiResult.Html(StatusCodes.Status401Unauthorized, Error("链接无效或已过期", "该链接无效或已过期（可能复制不完整）。请使用最新一封通知邮件中的链接，或联系市发改委重新发送。")))
            : (claims, null);
    }

    private sealed record Message(bool Ok, string Text, IReadOnlyList<FieldError> Errors);
}
