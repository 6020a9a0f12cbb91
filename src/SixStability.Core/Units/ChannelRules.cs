namespace SixStability.Core.Units;

/// <summary>
/// What a directory may say about group robots: which robot (a name configuration knows, never a key) and
/// whom to @ there. A directory naming a robot that configuration lacks is refused when it is loaded, so a
/// reminder never finds out at 09:00 on the due day.
/// </summary>
public static partial class ChannelRules
{
    public const int MaxChannels = 5;

    public const int MaxMobiles = 10;

    /// <summary>Checks one reader's channels (<paramref name="at"/> is the reader's field, e.g. <c>units[3]</c>).</summary>
    public static void Check(IReadOnlyList<ChannelAddress>? channels, string at, List<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (channels is null || channels.Count == 0)
        {
            return;
        }

        string field = at + ".channels";
        if (channels.Count > MaxChannels)
        {
            errors.Add(new(field, $"最多 {MaxChannels} 个群机器人。"));
        }

        var seen = new HashSet<(ChannelKind, string)>();
        for (int i = 0; i < channels.Count; i++)
        {
            ChannelAddress? c = channels[i];
            string here = $"{field}[{i}]";
            if (c is null)
            {
                errors.Add(new(here, "不能为空。"));
                continue;
            }

            if (!Enum.IsDefined(c.Kind))
            {
                errors.Add(new(here + ".kind", "群机器人类型应为 wecom（企业微信/政务微信）或 dingtalk（钉钉）。"));
                continue;
            }

            if (c.Robot is null || !RobotName().IsMatch(c.Robot))
            {
                errors.Add(new(here + ".robot", $"机器人名称“{c.Robot}”无效：只能使用小写字母、数字和下划线（Azure 应用设置名不允许连字符），最长 40 个字符。"));
            }
            else if (!seen.Add((c.Kind, c.Robot)))
            {
                errors.Add(new(here + ".robot", $"{c.Kind.DisplayName()}机器人“{c.Robot}”重复。"));
            }

            IReadOnlyList<string> mobiles = c.Mobiles ?? [];
            if (mobiles.Count > MaxMobiles)
            {
                errors.Add(new(here + ".mobiles", $"每个群最多 @ {MaxMobiles} 个手机号。"));
            }

            if (mobiles.Any(m => m is null || !Mobile().IsMatch(m)))
            {
                string bad = mobiles.First(m => m is null || !Mobile().IsMatch(m)) ?? "（空）";
                errors.Add(new(here + ".mobiles", $"手机号“{bad}”无效：应为 11 位大陆手机号。"));
            }
            else if (mobiles.Distinct(StringComparer.Ordinal).Count() != mobiles.Count)
            {
                errors.Add(new(here + ".mobiles", "手机号重复。"));
            }
        }
    }

    /// <summary>Every robot the directory names, with the field that names it and whose it is.</summary>
    public static IEnumerable<(string Field, string Reader, ChannelAddress Channel)> Named(UnitDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        IEnumerable<(string, string, IReadOnlyList<ChannelAddress>?)> readers =
            new[] { ("coordinator", directory.Coordinator?.Name, directory.Coordinator?.Channels), ("supervisionOffice", directory.SupervisionOffice?.Name, directory.SupervisionOffice?.Channels) }
                .Concat((directory.Leaders ?? []).Select((l, i) => ($"leaders[{i}]", l?.Name, l?.Channels)))
                .Concat((directory.Units ?? []).Select((u, i) => ($"units[{i}]", u?.Name, u?.Channels)))
                .Select(r => (r.Item1, r.Item2 ?? r.Item1, r.Item3));
        foreach ((string at, string reader, IReadOnlyList<ChannelAddress>? channels) in readers)
        {
            for (int i = 0; i < (channels?.Count ?? 0); i++)
            {
                if (channels![i] is { } channel)
                {
                    yield return ($"{at}.channels[{i}].robot", reader, channel);
                }
            }
        }
    }

    /// <summary>One error per robot the directory names that configuration does not have, naming the setting to add.</summary>
    public static IReadOnlyList<FieldError> Unconfigured(UnitDirectory directory, Func<ChannelKind, string, bool> isConfigured)
    {
        ArgumentNullException.ThrowIfNull(isConfigured);
        return [.. Named(directory)
            .Where(n => !isConfigured(n.Channel.Kind, n.Channel.Robot))
            .Select(n => new FieldError(n.Field, $"“{n.Reader}”的{n.Channel.Kind.DisplayName()}机器人“{n.Channel.Robot}”未配置：请先在配置中设置 {n.Channel.Kind.SettingFor(n.Channel.Robot)}（Azure 中为 Key Vault 引用，见 README），再导入名录。"))];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_]{0,39}$")]
    public static partial Regex RobotName();

    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();
}
