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
        foreach ((Leader l, string at) in Entries(directory.Leaders, "leaders", errors))
        {
            CheckIdentity(l.Id, l.Name, at, "领导", "姓名", leaderIds, errors);
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

        foreach ((Unit u, string at) in Entries(units, "units", errors))
        {
            CheckIdentity(u.Id, u.Name, at, "单位", "单位名称", unitIds, errors);
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

            CheckNames(u.Name, u.Aliases, at, names, errors);
        }

        foreach ((UnitGroup g, string at) in Entries(directory.Groups, "groups", errors))
        {
            CheckText(g.Name, at + ".name", "名称", errors);
            CheckNames(g.Name, g.Aliases, at, names, errors);

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

    /// <summary>The list's entries with the field path of each (<c>units[3]</c>); an empty entry is an error, not an entry.</summary>
    private static IEnumerable<(T Entry, string At)> Entries<T>(IReadOnlyList<T>? list, string field, List<FieldError> errors)
        where T : class
    {
        for (int i = 0; i < (list?.Count ?? 0); i++)
        {
            string at = $"{field}[{i}]";
            if (list![i] is { } entry)
            {
                yield return (entry, at);
            }
            else
            {
                errors.Add(new(at, "不能为空。"));
            }
        }
    }

    /// <summary>A leader's or a unit's id (well formed, once in its list) and name.</summary>
    private static void CheckIdentity(string? id, string? name, string at, string what, string nameWhat, HashSet<string> ids, List<FieldError> errors)
    {
        CheckId(id, at + ".id", errors);
        if (id is not null && !ids.Add(id))
        {
            errors.Add(new(at + ".id", $"{what}编号“{id}”重复。"));
        }

        CheckText(name, at + ".name", nameWhat, errors);
    }

    /// <summary>A unit's or group's name and aliases: none may stand for another unit or group (compared as people write them).</summary>
    private static void CheckNames(string? name, IEnumerable<string>? aliases, string at, Dictionary<string, string> names, List<FieldError> errors)
    {
        string owner = $"{at}（{name}）";
        foreach (string each in new[] { name }.Concat(aliases ?? []).OfType<string>().Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            string key = NameNormalizer.Normalize(each);
            if (!names.TryAdd(key, owner))
            {
                errors.Add(new(owner, $"名称“{each}”与 {names[key]} 重复。"));
            }
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
