using Microsoft.Extensions.Configuration;
using SixStability.Infrastructure.Notifications;
using SixStability.Infrastructure.Telemetry;

namespace SixStability.Infrastructure.Configuration;

/// <summary>
/// What both hosts check before they serve. A configuration that would fail later, silently (a secret
/// that is still a Key Vault reference, so every mail fails with the reference text as its key), or that
/// would serve with the keys published in this repository, stops the host with a message that names the
/// setting and says what to do. Pure: configuration in, problems out.
/// </summary>
public static class StartupChecks
{
    /// <summary>The admin key in src/SixStability.DevHost/appsettings.json: public, for the demo and a newcomer's machine only.</summary>
    public const string DevelopmentAdminKey = "dev-admin-key";

    /// <summary>The link-signing key in src/SixStability.DevHost/appsettings.json: public, anyone could forge a unit's link with it.</summary>
    public const string DevelopmentSigningKey = "dev-signing-key-not-a-secret";

    /// <summary>The problems, one sentence each (Simplified Chinese); none means the host may start.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration, StartupHost host)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(host);
        var problems = new List<string>();
        Keys(configuration, host, problems);
        Mail(configuration, problems);
        if (configuration["Durable:PurgeAfterDays"] is { } days && !(int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out int purgeAfter) && purgeAfter >= 1))
        {
            problems.Add($"Durable:PurgeAfterDays“{days}”无效：应为不小于 1 的整数（周期关闭多少天后清除其编排历史，默认 90）。");
        }

        if (configuration["Durable:MessageVisibility"] is { } visibility && !(TimeSpan.TryParse(visibility, CultureInfo.InvariantCulture, out TimeSpan hidden) && hidden >= TimeSpan.FromSeconds(5) && hidden <= TimeSpan.FromMinutes(10)))
        {
            problems.Add($"Durable:MessageVisibility“{visibility}”无效：应为 00:00:05 到 00:10:00 之间的时长（DevHost 重启后，停止前已取出未完成的消息隔多久可再取，默认 00:00:30）。");
        }

        Channels(configuration, host, problems);
        if (!AppInsightsAuthentication.TryParse(configuration[AppInsightsAuthentication.Setting], out _))
        {
            problems.Add($"{AppInsightsAuthentication.Setting} 无效：应为 Authorization=AAD;ClientId=<托管标识的客户端 ID>（或只写 Authorization=AAD 使用系统分配的标识）。");
        }

        return problems;
    }

    /// <summary>Throws <see cref="StartupConfigurationException"/> listing every problem.</summary>
    public static void ThrowIfInvalid(IConfiguration configuration, StartupHost host)
    {
        IReadOnlyList<string> problems = Problems(configuration, host);
        if (problems.Count > 0)
        {
            throw new StartupConfigurationException(host.Name, problems);
        }
    }

    private static void Keys(IConfiguration configuration, StartupHost host, List<string> problems)
    {
        Secret(configuration["Links:SigningKey"], "Links:SigningKey", "它是各单位报送链接的签名密钥，azd 首次部署时生成；部署后几分钟内引用可能尚未生效", problems,
            missing: "Links:SigningKey（环境变量 Links__SigningKey）未设置：没有它无法签发或验证各单位的报送链接。请设置为自己的随机值（例如 openssl rand -base64 32 的输出）。",
            published: (DevelopmentSigningKey, "任何人都能用它伪造单位的报送链接", host));
        Secret(configuration["Links:PreviousSigningKey"], "Links:PreviousSigningKey", "轮换后仍被接受的旧签名密钥：未解析时引用文本本身会被当作密钥", problems,
            published: (DevelopmentSigningKey, "用它签名的链接仍会被接受", host));
        Secret(configuration["Admin:Key"], "Admin:Key", "脚本调用协调员接口时放在请求头 x-functions-key 中的管理员密钥", problems,
            missing: "Admin:Key（环境变量 Admin__Key）未设置：脚本将无法调用协调员接口（请求头 x-functions-key）。请设置为自己的随机值（Azure 中为 Key Vault 机密 admin-key，azd 首次部署时生成）。",
            published: (DevelopmentAdminKey, "任何人都能用它调用协调员接口、查看所有单位的报送", host));
    }

    /// <summary>
    /// One secret setting, in the order a person fixes it: a Key Vault reference the platform has not resolved, then a
    /// missing value (when <paramref name="missing"/> says why it is needed), then this repository's published value on a
    /// host others can reach.
    /// </summary>
    private static void Secret(string? value, string setting, string use, List<string> problems, string? missing = null, (string Value, string Harm, StartupHost Host)? published = null)
    {
        if (KeyVaultReference.IsUnresolved(value))
        {
            problems.Add(Unresolved(setting, value!, use));
        }
        else if (missing is not null && string.IsNullOrWhiteSpace(value))
        {
            problems.Add(missing);
        }
        else if (published is { } known && value == known.Value && !known.Host.LoopbackOnly)
        {
            problems.Add(Published(setting, known.Harm, known.Host));
        }
    }

    private static void Mail(IConfiguration configuration, List<string> problems)
    {
        string provider = configuration["Mail:Provider"] is { Length: > 0 } p ? p.Trim() : "Sink";
        if (provider.Equals("SendGrid", StringComparison.OrdinalIgnoreCase))
        {
            Secret(configuration["SendGrid:ApiKey"], "SendGrid:ApiKey", "Mail:Provider 为 SendGrid 时每封邮件都要用它；未解析时每次发送都会失败", problems,
                missing: "Mail:Provider 为 SendGrid，但 SendGrid:ApiKey（环境变量 SendGrid__ApiKey）未设置：每次发送都会失败。请设置 SendGrid 的 API 密钥，或改用 Mail:Provider=Smtp。");
        }
        else if (provider.Equals("Smtp", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(configuration["Smtp:Host"]))
            {
                problems.Add("Mail:Provider 为 Smtp，但 Smtp:Host（环境变量 Smtp__Host）未设置。请填写邮件中继服务器的主机名。");
            }

            string? password = configuration["Smtp:Password"];
            if (!string.IsNullOrWhiteSpace(configuration["Smtp:User"]) && KeyVaultReference.IsUnresolved(password))
            {
                problems.Add(Unresolved("Smtp:Password", password!, "设置了 Smtp:User 时用它登录邮件中继；未解析时每次登录都会失败"));
            }

            string? port = configuration["Smtp:Port"];
            if (!string.IsNullOrWhiteSpace(port) && !(int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n is > 0 and <= 65535))
            {
                problems.Add($"Smtp:Port“{port}”无效：应为 1–65535 的整数（默认 587）。");
            }

            if (!SmtpTlsSetting.TryParse(configuration["Smtp:Tls"], out _))
            {
                problems.Add($"Smtp:Tls“{configuration["Smtp:Tls"]}”无效：应为 StartTls（默认，587 端口）、SslOnConnect（465 端口）或 None（仅限可信内网中继）。");
            }
        }
        else if (!provider.Equals("Sink", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"Mail:Provider“{provider}”无效：应为 SendGrid、Smtp 或 Sink。");
        }
    }

    /// <summary>
    /// Group robots: every configured robot needs its key (WeCom) or access token (DingTalk), resolved; a name must
    /// be one the directory can use; a host must be a URL (DevHost also takes <c>devhost</c>, its own robot sink).
    /// </summary>
    private static void Channels(IConfiguration configuration, StartupHost host, List<string> problems)
    {
        foreach ((string section, string setting) in new[] { ("WeCom", "Channels:WeCom:Host"), ("DingTalk", "Channels:DingTalk:Host") })
        {
            string? value = configuration[setting];
            bool devSink = host.IsDevHost && string.Equals(value, "devhost", StringComparison.OrdinalIgnoreCase); // DevHost only
            if (!string.IsNullOrWhiteSpace(value) && !devSink
                && !(Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            {
                problems.Add($"{setting}“{value}”无效：应为 {section} 接口的 https 地址（不填则用官方地址）。");
            }
        }

        string? messages = configuration["Channels:Pace:Messages"];
        if (!string.IsNullOrWhiteSpace(messages) && !(int.TryParse(messages, NumberStyles.None, CultureInfo.InvariantCulture, out int perWindow) && perWindow is >= 1 and <= 20))
        {
            problems.Add($"Channels:Pace:Messages“{messages}”无效：应为 1–20 的整数（企业微信、钉钉机器人每分钟最多 20 条；默认 20）。");
        }

        string? window = configuration["Channels:Pace:Window"];
        if (!string.IsNullOrWhiteSpace(window) && !(TimeSpan.TryParse(window, CultureInfo.InvariantCulture, out TimeSpan span) && span >= TimeSpan.FromSeconds(1)))
        {
            problems.Add($"Channels:Pace:Window“{window}”无效：应为至少 1 秒的时长，如 00:01:00（默认）。");
        }

        foreach (IConfigurationSection robot in configuration.GetSection("Channels:WeCom:Robots").GetChildren())
        {
            string setting = $"Channels:WeCom:Robots:{robot.Key}";
            RobotName(robot.Key, setting, problems);
            Secret(robot.Value, setting, "企业微信群机器人的 key；未解析时发往该群的每条消息都会被拒绝", problems,
                missing: $"{setting} 为空：请填写该企业微信群机器人 Webhook 地址中 key= 后面的值。");
        }

        foreach (IConfigurationSection robot in configuration.GetSection("Channels:DingTalk:Robots").GetChildren())
        {
            string setting = $"Channels:DingTalk:Robots:{robot.Key}";
            RobotName(robot.Key, setting, problems);
            foreach ((string part, string why) in new[] { ("AccessToken", "钉钉机器人的 access_token"), ("Secret", "钉钉机器人的加签密钥") })
            {
                Secret(robot[part], $"{setting}:{part}", $"{why}；未解析时发往该群的每条消息都会被拒绝", problems);
            }

            if (string.IsNullOrWhiteSpace(robot["AccessToken"]))
            {
                problems.Add($"{setting}:AccessToken 为空：请填写该钉钉机器人 Webhook 地址中 access_token= 后面的值（加签的 Secret 填在 {setting}:Secret）。");
            }
        }
    }

    private static void RobotName(string name, string setting, List<string> problems)
    {
        if (!Core.Units.ChannelRules.RobotName().IsMatch(name))
        {
            problems.Add($"{setting}：机器人名称“{name}”无效，只能使用小写字母、数字和下划线（Azure 应用设置名不允许连字符），最长 40 个字符。");
        }
    }

    /// <summary>The setting, the secret, and the three steps: set it, make the app re-read references, check they resolved.</summary>
    private static string Unresolved(string setting, string reference, string why)
    {
        string secret = KeyVaultReference.SecretName(reference) ?? "<引用中的机密名>";
        string appSetting = setting.Replace(":", "__", StringComparison.Ordinal);
        return $"{setting}（应用设置 {appSetting}）仍是未解析的 Key Vault 引用，应用读到的是引用文本而不是机密（{why}）。"
            + $"处理办法：① 在 Key Vault 中设置机密 {secret}：az keyvault secret set --vault-name \"$(azd env get-value AZURE_KEY_VAULT_NAME)\" --name {secret} --value <值>；"
            + "② 让应用重新读取引用（平台只在配置变更时立即重读，否则约每 24 小时一次）：运行 azd provision，或修改任意一项应用设置；"
            + $"③ 确认已解析：门户中打开函数应用 → 设置 → 环境变量，{appSetting} 显示为带绿色对勾的 Key Vault 引用；或 az rest --method get --url \"$(az functionapp show -g <资源组> -n <应用名> --query id -o tsv)/config/configreferences/appsettings?api-version=2022-03-01\"，其 status 为 Resolved。"
            + "机密已存在仍未解析时，检查应用的托管标识是否有该 Key Vault 的 Key Vault Secrets User 角色。";
    }

    private static string Published(string setting, string risk, StartupHost host)
    {
        string env = setting.Replace(":", "__", StringComparison.Ordinal);
        string where = host.ListenUrls.Count == 0
            ? "函数应用从不接受开发密钥。"
            : $"开发密钥只允许在 DevHost 只监听本机回环地址（localhost、127.0.0.1、[::1]）时使用，当前监听 {string.Join("、", host.ListenUrls)}。";
        return $"{setting} 仍是仓库里公开的开发值（src/SixStability.DevHost/appsettings.json），{risk}。{where}请设置自己的随机值（例如 openssl rand -base64 32 的输出），通过环境变量 {env} 提供。";
    }
}
