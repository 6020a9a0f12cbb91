using System.Net.Mail;

namespace SixStability.Core.Units;

/// <summary>Checks a directory before it is stored; every problem names the field, in Chinese.</summary>
public static partial class DirectoryValidator
{
    public static IReadOnlyList<FieldError> Validate(UnitDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var errors = new List<FieldError>();

        CheckContact(directory.Coordinator, "coordinator", errors);
        CheckContact(directory.SupervisionOffice, "supervisionOffice", errors);
        if (directory.SummaryRecipients is null || directory.SummaryRecipients.Count == 0)
        {
            errors.Add(new("summaryRecipients", "至少需要一个接收季度汇总的市政府收件人。"));
        }
        else
        {
            for (int i = 0; i < directory.SummaryRecipients.Count; i++)
            {
                CheckContact(directory.SummaryRecipients[i], $"summaryRecipients[{i}]", errors, robots: false);
            }
        }

        var leaderIds = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<Leader> leaders = directory.Leaders ?? [];
        for (int i = 0; i < leaders.Count; i++)
        {
            Leader l = leaders[i];
            string at = $"leaders[{i}]";
            if (l is null)
            {
                errors.Add(new(at, "不能为空。"));
                continue;
            }

            CheckId(l.Id, at + ".id", errors);
            if (l.Id is not null && !leaderIds.Add(l.Id))
            {
                errors.Add(new(at + ".id", $"领导编号“{l.Id}”重复。"));
            }

            CheckText(l.Name, at + ".name", "姓名", errors);
            CheckText(l.Title, at + ".title", "职务", errors);
            CheckEmail(l.Email, at + ".email", errors);
            ChannelRules.Check(l.Channels, at, errors);
        }

        var unitIds = new HashSet<string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        IReadOnlyList<Unit> units = directory.Units ?? [];
        if (units.Count == 0)
        {
            errors.Add(new("units", "单位名录为空。"));
        }

        for (int i = 0; i < units.Count; i++)
        {
            Unit u = units[i];
            string at = $"units[{i}]";
            if (u is null)
            {
                errors.Add(new(at, "不能为空。"));
                continue;
            }

            CheckId(u.Id, at + ".id", errors);
            if (u.Id is not null && !unitIds.Add(u.Id))
            {
                errors.Add(new(at + ".id", $"单位编号“{u.Id}”重复。"));
            }

            CheckText(u.Name, at + ".name", "单位名称", errors);
            if (!Enum.IsDefined(u.Kind))
            {
                errors.Add(new(at + ".kind", "单位类型应为 department、countyGovernment 或 parkCommittee。"));
            }

            CheckEmail(u.Email, at + ".email", errors);
            CheckPerson(u.ContactPerson, u.Phone, at + ".contactPerson", at + ".phone", errors);
            ChannelRules.Check(u.Channels, at, errors);
            if (string.IsNullOrWhiteSpace(u.Leader) || !leaderIds.Contains(u.Leader))
            {
                errors.Add(new(at + ".leader", $"分管市领导“{u.Leader}”不在 leaders 中。"));
            }

            foreach (string name in new[] { u.Name }.Concat(u.Aliases ?? []).Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                CheckName(name, $"{at}（{u.Name}）", names, errors);
            }
        }

        IReadOnlyList<UnitGroup> groups = directory.Groups ?? [];
        for (int i = 0; i < groups.Count; i++)
        {
            UnitGroup g = groups[i];
            string at = $"groups[{i}]";
            if (g is null)
            {
                errors.Add(new(at, "不能为空。"));
                continue;
            }

            CheckText(g.Name, at + ".name", "名称", errors);
            foreach (string name in new[] { g.Name }.Concat(g.Aliases ?? []).Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                CheckName(name, $"{at}（{g.Name}）", names, errors);
            }

            if (g.Members is null || g.Members.Count == 0)
            {
                errors.Add(new(at + ".members", $"单位组“{g.Name}”没有成员单位。"));
                continue;
            }

            foreach (string member in g.Members.Where(m => m is null || !unitIds.Contains(m)))
            {
                errors.Add(new(at + ".members", $"单位组“{g.Name}”的成员“{member}”不在 units 中。"));
            }
        }

        return errors;
    }

    private static void CheckName(string name, string owner, Dictionary<string, string> names, List<FieldError> errors)
    {
        string key = NameNormalizer.Normalize(name);
        if (!names.TryAdd(key, owner))
        {
            errors.Add(new(owner, $"名称“{name}”与 {names[key]} 重复。"));
        }
    }

    /// <param name="robots">False where only mail goes (the summary's recipients): naming a robot there would promise what never comes.</param>
    private static void CheckContact(Contact? contact, string at, List<FieldError> errors, bool robots = true)
    {
        if (contact is null)
        {
            errors.Add(new(at, "不能为空。"));
            return;
        }

        CheckText(contact.Name, at + ".name", "名称", errors);
        CheckEmail(contact.Email, at + ".email", errors);
        CheckPerson(contact.Person, contact.Phone, at + ".person", at + ".phone", errors);
        if (robots)
        {
            ChannelRules.Check(contact.Channels, at, errors);
        }
        else if (contact.Channels is { Count: > 0 })
        {
            errors.Add(new(at + ".channels", "季度汇总只通过邮件发送（附 .docx），此处不能指定群机器人。"));
        }
    }

    private static void CheckId(string? id, string at, List<FieldError> errors)
    {
        if (id is null || !IdPattern().IsMatch(id))
        {
            errors.Add(new(at, $"编号“{id}”无效：只能使用小写字母、数字和连字符，最长 40 个字符。"));
        }
    }

    private static void CheckText(string? text, string at, string what, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new(at, $"{what}不能为空。"));
        }
        else if (text.Length > 100 || text.Any(char.IsControl))
        {
            errors.Add(new(at, $"{what}过长或含有控制字符。"));
        }
    }

    /// <summary>Both optional; what is given must be a name and a number a person can dial.</summary>
    private static void CheckPerson(string? person, string? phone, string personAt, string phoneAt, List<FieldError> errors)
    {
        if (person is not null)
        {
            CheckText(person, personAt, "联系人", errors);
        }

        if (phone is not null && !IsValidPhone(phone))
        {
            errors.Add(new(phoneAt, $"联系电话“{phone}”无效：只能包含数字、空格、-、+、括号和“转”，如 0798-8222333 或 13800000000。"));
        }
    }

    private static void CheckEmail(string? email, string at, List<FieldError> errors)
    {
        if (!IsValidEmail(email))
        {
            errors.Add(new(at, $"邮箱地址“{email}”无效。"));
        }
    }

    /// <summary>A number a person can dial: digits with the separators people write (0798-8222333, 138 0000 0000, 8222333转8012).</summary>
    public static bool IsValidPhone(string? phone) => phone is not null && PhonePattern().IsMatch(phone);

    public static bool IsValidEmail(string? email) =>
        !string.IsNullOrWhiteSpace(email)
        && email.Length <= 254
        && MailAddress.TryCreate(email, out MailAddress? parsed)
        && parsed.Address == email
        && parsed.Host.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex(@"^(?=.*\d)[0-9 +()（）\-－转,，]{3,40}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex IdPattern();
}
