namespace SixStability.Core.Submissions;

/// <summary>
/// Who in a unit answers for a cycle's reports: 填报人 (who wrote them), 联系电话 (where the coordinator
/// calls with a question) and 审核领导 (the unit's leader who signed them off). Asked once per cycle and
/// offered again the next quarter.
/// </summary>
public sealed record ReportingContact(string Filler, string Phone, string Approver)
{
    public const int MaxName = 20;

    /// <summary>Every field is required: a report nobody answers for cannot be queried.</summary>
    public static RuleViolation? Check(ReportingContact? contact)
    {
        if (contact is null)
        {
            return RuleViolation.Field("body", "为空。", "请填写填报人、联系电话和审核领导。");
        }

        var errors = new List<FieldError>();
        TextRules.Check(contact.Filler, "filler", "填报人", MaxName, required: true, errors);
        TextRules.Check(contact.Approver, "approver", "审核领导", MaxName, required: true, errors);
        if (string.IsNullOrWhiteSpace(contact.Phone))
        {
            errors.Add(new("phone", "联系电话不能为空。"));
        }
        else if (!DirectoryValidator.IsValidPhone(contact.Phone.Trim()))
        {
            errors.Add(new("phone", $"联系电话“{contact.Phone}”无效：只能包含数字、空格、-、+、括号和“转”，如 0798-8222333 或 13800000000。"));
        }

        return errors.Count == 0 ? null : RuleViolation.Of("填报信息有误：" + string.Join(" ", errors.Select(e => e.Message)), errors);
    }

    /// <summary>The contact as people typed it, without the spaces around each field.</summary>
    public ReportingContact Trimmed() => new(Filler.Trim(), Phone.Trim(), Approver.Trim());

    /// <summary>填报人：王芳（0798-8222333），审核领导：李强 — one line for the board and mail.</summary>
    public override string ToString() => $"填报人：{Filler}（{Phone}），审核领导：{Approver}";
}
