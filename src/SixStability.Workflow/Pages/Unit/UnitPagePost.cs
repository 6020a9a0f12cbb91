using SixStability.Core.Text;

namespace SixStability.Workflow.Pages.Unit;

/// <summary>
/// One form posted from the unit's page, read into typed values: a task's form (保存草稿, 提交报送,
/// 上传附件, 删除附件 — one form, so an upload never drops what was typed) or the 延期申请 card. A
/// number or a date that cannot be read is named here (<see cref="Unreadable"/>) and the text as typed
/// is kept (<see cref="TypedIndicators"/>) to show again; every other rule is the use case's.
/// </summary>
public sealed record UnitPagePost(string Action, int Task, SubmissionForm Form, IReadOnlyList<FieldError> Unreadable)
{
    public const string DetachPrefix = "detach:";
    private static readonly string[] Actions = ["draft", "submit", "attach", "extension", "contact"];

    public string? Revision { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>Each indicator box exactly as typed (1.6万, 约1.6万 …), by indicator name.</summary>
    public IReadOnlyDictionary<string, string> TypedIndicators { get; init; } = new Dictionary<string, string>();

    public (string Name, byte[] Content)? File { get; init; }

    public string? FileId { get; init; }

    public DateOnly? Due { get; init; }

    public string? Reason { get; init; }

    /// <summary>填报人 / 联系电话 / 审核领导 from the 填报信息 card.</summary>
    public ReportingContact? Contact { get; init; }

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

        // 删除附件 is a button of the task's form whose value names the file.
        string action = form["action"].ToString();
        string? fileId = action.StartsWith(DetachPrefix, StringComparison.Ordinal) ? action[DetachPrefix.Length..] : null;
        action = fileId is null ? action : "detach";
        if (!Actions.Contains(action) && action != "detach")
        {
            return (null, "无法识别的操作：请在报送页面上点击“保存草稿”或“提交报送”。");
        }

        int task = 0;
        if (action is not ("extension" or "contact") && !(int.TryParse(form["task"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out task) && task is >= 1 and <= 9999))
        {
            return (null, "无法识别的任务，请在报送页面上填写并提交。");
        }

        (SubmissionForm typed, Dictionary<string, string> rawIndicators, List<FieldError> unreadable) = ReadReport(form);
        string dueText = form["due"].ToString().Trim();
        DateOnly? due = DateOnly.TryParseExact(dueText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day) ? day : null;
        if (action == "extension" && due is null && dueText.Length > 0)
        {
            unreadable.Add(new FieldError("due", $"日期格式应为 年-月-日（如 2020-10-20），现为“{dueText}”。"));
        }

        (string, byte[])? file = null;
        if (action == "attach" && form.Files.GetFile("file") is { Length: > 0 } upload)
        {
            if (upload.Length > AttachmentRules.MaxBytes)
            {
                return (null, $"文件超过 {AttachmentRules.MaxBytes / 1024 / 1024} MB。");
            }

            using var buffer = new MemoryStream((int)upload.Length);
            await upload.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            file = (upload.FileName, buffer.ToArray());
        }

        return (new UnitPagePost(action, task, typed, action is "draft" or "submit" ? unreadable : action == "contact" ? [] : [.. unreadable.Where(e => e.Field == "due")])
        {
            Revision = NonEmpty(form["rev"]),
            IdempotencyKey = form["key"].ToString() is { Length: > 0 and <= 200 } key ? key : null,
            TypedIndicators = rawIndicators,
            File = file,
            FileId = fileId,
            Due = due,
            Reason = NonEmpty(form["reason"]),
            Contact = action == "contact" ? new ReportingContact(form["filler"].ToString(), form["phone"].ToString(), form["approver"].ToString()) : null,
        }, null);
    }

    private static (SubmissionForm Form, Dictionary<string, string> Raw, List<FieldError> Errors) ReadReport(IFormCollection form)
    {
        var errors = new List<FieldError>();
        var readings = new List<IndicatorReading>();
        var cleared = new List<string>();
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < 50 && form.ContainsKey($"indname.{i}"); i++)
        {
            string name = form[$"indname.{i}"].ToString();
            string text = form[$"ind.{i}"].ToString().Trim();
            raw[name] = text;
            if (form.ContainsKey($"clear.{i}"))
            {
                cleared.Add(name); // 清除此值: withdrawn on purpose, whatever the box says
                continue;
            }

            if (text.Length == 0)
            {
                continue; // left empty: the value reported before stands
            }

            if (NumberText.TryParse(text, out decimal value))
            {
                readings.Add(new IndicatorReading(name, value));
            }
            else
            {
                errors.Add(new FieldError($"indicators[{i}].value", $"“{name}”应填一个确切的数（如 16000、1.6万），现为“{text}”。"));
            }
        }

        return (new SubmissionForm(Text(form, "narrative"), Text(form, "status"), readings, Text(form, "difficulties"), Text(form, "nextSteps"), cleared.Count > 0 ? cleared : null, ReadDeadlines(form, errors)), raw, errors);
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
