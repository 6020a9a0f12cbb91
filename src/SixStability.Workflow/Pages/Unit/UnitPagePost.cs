using System.Globalization;
using Microsoft.AspNetCore.Http;
using SixStability.Core.Rules;
using SixStability.Core.Submissions;

namespace SixStability.Workflow.Pages.Unit;

/// <summary>
/// One form posted from the unit's page (保存草稿, 提交报送, 上传附件, 删除附件, 延期申请), read into typed
/// values. A number or a date that cannot be read is named here (<see cref="Unreadable"/>); every
/// other rule is the use case's.
/// </summary>
public sealed record UnitPagePost(string Action, int Task, SubmissionForm Form, IReadOnlyList<FieldError> Unreadable)
{
    private static readonly string[] Actions = ["draft", "submit", "attach", "detach", "extension"];

    public string? Revision { get; init; }

    public string? IdempotencyKey { get; init; }

    public (string Name, byte[] Content)? File { get; init; }

    public string? FileId { get; init; }

    public DateOnly? Due { get; init; }

    public string? Reason { get; init; }

    /// <summary>The post, or why it cannot be read at all (not a form, too large, an unknown action or task).</summary>
    public static async Task<(UnitPagePost? Post, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType)
        {
            return (null, "请在报送页面上填写并提交。");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, $"提交内容过大或不完整：附件每个不超过 {AttachmentRules.MaxBytes / 1024 / 1024} MB，请重试。");
        }

        string action = form["action"].ToString();
        if (!Actions.Contains(action))
        {
            return (null, "无法识别的操作：请在报送页面上点击“保存草稿”或“提交报送”。");
        }

        int task = 0;
        if (action != "extension" && !(int.TryParse(form["task"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out task) && task is >= 1 and <= 99))
        {
            return (null, "无法识别的任务，请在报送页面上填写并提交。");
        }

        (SubmissionForm typed, List<FieldError> unreadable) = ReadReport(form);
        string dueText = form["due"].ToString().Trim();
        DateOnly? due = DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day) ? day : null;
        if (action == "extension" && due is null && dueText.Length > 0)
        {
            unreadable.Add(new FieldError("due", $"日期格式应为 年-月-日（如 2020-10-20），现为“{dueText}”。"));
        }

        IFormFile? upload = form.Files.GetFile("file");
        (string, byte[])? file = null;
        if (action == "attach" && upload is { Length: > 0 })
        {
            if (upload.Length > AttachmentRules.MaxBytes)
            {
                return (null, $"文件超过 {AttachmentRules.MaxBytes / 1024 / 1024} MB。");
            }

            using var buffer = new MemoryStream((int)upload.Length);
            await upload.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            file = (upload.FileName, buffer.ToArray());
        }

        return (new UnitPagePost(action, task, typed, unreadable)
        {
            Revision = NonEmpty(form["rev"]),
            IdempotencyKey = form["key"].ToString() is { Length: > 0 and <= 200 } key ? key : null,
            File = file,
            FileId = action == "detach" ? form["file"].ToString() : null,
            Due = due,
            Reason = NonEmpty(form["reason"]),
        }, null);
    }

    private static (SubmissionForm Form, List<FieldError> Errors) ReadReport(IFormCollection form)
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

        return (new SubmissionForm(Text(form, "narrative"), Text(form, "status"), readings, Text(form, "difficulties"), Text(form, "nextSteps"), ReadDeadlines(form, errors)), errors);
    }

    /// <summary>
    /// 是否按期完成: one answer per deadline the form asked (dldate.i, dl.i, dlreason.i); null when the form asked
    /// none. An unanswered deadline is left out, so a submission is refused naming it.
    /// </summary>
    private static List<DeadlineAnswer>? ReadDeadlines(IFormCollection form, List<FieldError> errors)
    {
        if (!form.ContainsKey("dldate.0"))
        {
            return null;
        }

        var answers = new List<DeadlineAnswer>();
        for (int i = 0; i < 20 && form.ContainsKey($"dldate.{i}"); i++)
        {
            if (!DateOnly.TryParseExact(form[$"dldate.{i}"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
            {
                errors.Add(new FieldError($"deadlines[{i}].date", "节点日期无法识别，请刷新页面后重新填写。"));
                continue;
            }

            if (Text(form, $"dl.{i}") is { } answer)
            {
                answers.Add(new DeadlineAnswer(date, answer, Text(form, $"dlreason.{i}")));
            }
        }

        return answers;
    }

    private static string? Text(IFormCollection form, string key) => NonEmpty(form[key])?.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string? NonEmpty(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is { Length: > 0 } s ? s : null;
}
