using System.Text.Json;
using Microsoft.Extensions.Configuration;
using SixStability.DevHost.Azurite;
using SixStability.Infrastructure.Configuration;

namespace SixStability.Integration.Tests.Configuration;

/// <summary>The start-up checks as plain logic: configuration in, problems out.</summary>
public sealed class StartupChecksTests
{
    private const string OwnSigningKey = "k3Yq9s0bN1vZ+own-signing-key";
    private const string OwnAdminKey = "own-admin-key-7f2c";
    private const string SendGridReference = "@Microsoft.KeyVault(SecretUri=https://kv-abc.vault.azure.net/secrets/sendgrid-api-key/)";

    private static readonly StartupHost LocalDevHost = new("DevHost", IsDevHost: true, ["http://localhost:7071"]);

    private static IReadOnlyList<string> Check(StartupHost host, params (string Key, string? Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["Links:SigningKey"] = OwnSigningKey, ["Admin:Key"] = OwnAdminKey };
        foreach ((string key, string? value) in settings)
        {
            values[key] = value;
        }

        return StartupChecks.Problems(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), host);
    }

    [Fact]
    public void An_unresolved_SendGrid_key_with_the_SendGrid_provider_is_refused_naming_the_setting_the_secret_and_what_to_do()
    {
        IReadOnlyList<string> problems = Check(StartupHost.Functions, ("Mail:Provider", "SendGrid"), ("SendGrid:ApiKey", SendGridReference));

        string problem = problems.Should().ContainSingle().Subject;
        problem.Should().Contain("SendGrid:ApiKey").And.Contain("SendGrid__ApiKey").And.Contain("未解析的 Key Vault 引用")
            .And.Contain("az keyvault secret set").And.Contain("--name sendgrid-api-key")
            .And.Contain("azd provision").And.Contain("修改任意一项应用设置")
            .And.Contain("configreferences/appsettings").And.Contain("Resolved");
    }

    [Fact]
    public void The_same_reference_with_the_Smtp_provider_does_not_stop_the_host()
    {
        Check(StartupHost.Functions, ("Mail:Provider", "Smtp"), ("Smtp:Host", "relay.example.gov.cn"), ("SendGrid:ApiKey", SendGridReference))
            .Should().BeEmpty();
    }

    [Fact]
    public void An_unresolved_SMTP_password_stops_the_host_only_when_a_user_logs_in_with_it()
    {
        const string reference = "@Microsoft.KeyVault(VaultName=kv-abc;SecretName=smtp-password)";

        IReadOnlyList<string> withUser = Check(StartupHost.Functions, ("Mail:Provider", "Smtp"), ("Smtp:Host", "relay"), ("Smtp:User", "lwlb"), ("Smtp:Password", reference));
        IReadOnlyList<string> withoutUser = Check(StartupHost.Functions, ("Mail:Provider", "Smtp"), ("Smtp:Host", "relay"), ("Smtp:Password", reference));
        IReadOnlyList<string> underSendGrid = Check(StartupHost.Functions, ("Mail:Provider", "SendGrid"), ("SendGrid:ApiKey", "SG.real"), ("Smtp:User", "lwlb"), ("Smtp:Password", reference));

        withUser.Should().ContainSingle().Which.Should().Contain("Smtp:Password").And.Contain("--name smtp-password");
        withoutUser.Should().BeEmpty();
        underSendGrid.Should().BeEmpty();
    }

    [Fact]
    public void An_unresolved_signing_key_stops_every_host_whatever_the_mail_provider()
    {
        const string reference = "@Microsoft.KeyVault(SecretUri=https://kv-abc.vault.azure.net/secrets/links-signing-key/)";

        Check(StartupHost.Functions, ("Links:SigningKey", reference)).Should().ContainSingle().Which.Should().Contain("Links:SigningKey").And.Contain("links-signing-key");
        Check(LocalDevHost, ("Links:SigningKey", reference)).Should().ContainSingle().Which.Should().Contain("Links__SigningKey");
        Check(StartupHost.Functions, ("Links:SigningKey", OwnSigningKey), ("Links:PreviousSigningKey", reference)).Should().ContainSingle().Which.Should().Contain("Links:PreviousSigningKey");
    }

    [Theory]
    [InlineData("Links:SigningKey", null)]
    [InlineData("Links:SigningKey", "  ")]
    [InlineData("Admin:Key", null)]
    [InlineData("Admin:Key", "")]
    public void A_missing_key_stops_DevHost_even_on_loopback(string key, string? value)
    {
        Check(LocalDevHost, (key, value)).Should().ContainSingle().Which.Should().StartWith(key).And.Contain("未设置");
    }

    [Fact]
    public void The_Function_app_needs_its_own_admin_key_and_never_accepts_the_published_one()
    {
        Check(StartupHost.Functions, ("Admin:Key", null)).Should().ContainSingle().Which.Should().StartWith("Admin:Key").And.Contain("admin-key");
        Check(StartupHost.Functions, ("Admin:Key", StartupChecks.DevelopmentAdminKey)).Should().ContainSingle().Which.Should().Contain("函数应用从不接受开发密钥");
        Check(StartupHost.Functions, ("Admin:Key", "@Microsoft.KeyVault(SecretUri=https://kv-abc.vault.azure.net/secrets/admin-key/)")).Should().ContainSingle().Which.Should().Contain("--name admin-key");
    }

    [Theory]
    [InlineData("http://localhost:7071")]
    [InlineData("http://127.0.0.1:5123")]
    [InlineData("http://[::1]:5123")]
    [InlineData("http://localhost:7071;http://127.0.0.1:7072")]
    public void The_published_development_keys_are_allowed_on_a_DevHost_that_only_listens_on_loopback(string urls)
    {
        var host = new StartupHost("DevHost", true, urls.Split(';'));

        Check(host, ("Admin:Key", StartupChecks.DevelopmentAdminKey), ("Links:SigningKey", StartupChecks.DevelopmentSigningKey)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("http://0.0.0.0:7071")]
    [InlineData("http://*:7071")]
    [InlineData("http://+:7071")]
    [InlineData("http://[::]:7071")]
    [InlineData("http://192.168.10.5:7071")]
    [InlineData("http://lwlb.example.gov.cn:80")]
    [InlineData("http://localhost:7071;http://0.0.0.0:7072")]
    public void The_published_development_keys_are_refused_when_DevHost_can_be_reached_from_elsewhere(string urls)
    {
        var host = new StartupHost("DevHost", true, urls.Split(';'));
        string reachable = urls.Split(';').Last();

        IReadOnlyList<string> problems = Check(host, ("Admin:Key", StartupChecks.DevelopmentAdminKey), ("Links:SigningKey", StartupChecks.DevelopmentSigningKey));

        problems.Should().HaveCount(2);
        problems.Should().Contain(p => p.StartsWith("Links:SigningKey 仍是仓库里公开的开发值", StringComparison.Ordinal) && p.Contains("Links__SigningKey", StringComparison.Ordinal));
        problems.Should().Contain(p => p.StartsWith("Admin:Key 仍是仓库里公开的开发值", StringComparison.Ordinal) && p.Contains(reachable, StringComparison.Ordinal));
    }

    [Fact]
    public void The_Function_app_never_accepts_the_published_signing_key()
    {
        Check(StartupHost.Functions, ("Links:SigningKey", StartupChecks.DevelopmentSigningKey))
            .Should().ContainSingle().Which.Should().Contain("函数应用从不接受开发密钥");
    }

    [Fact]
    public void The_published_values_checked_are_the_ones_in_DevHost_appsettings()
    {
        string file = Path.Combine(RepositoryRoot.Find()!, "src", "SixStability.DevHost", "appsettings.json");
        using JsonDocument settings = JsonDocument.Parse(File.ReadAllText(file));

        settings.RootElement.GetProperty("Admin").GetProperty("Key").GetString().Should().Be(StartupChecks.DevelopmentAdminKey);
        settings.RootElement.GetProperty("Links").GetProperty("SigningKey").GetString().Should().Be(StartupChecks.DevelopmentSigningKey);
    }

    [Theory]
    [InlineData("SendGrid", "SendGrid:ApiKey")]
    [InlineData("Smtp", "Smtp:Host")]
    [InlineData("Carrier-pigeon", "Mail:Provider")]
    public void A_mail_provider_without_what_it_needs_is_refused(string provider, string named)
    {
        Check(StartupHost.Functions, ("Mail:Provider", provider)).Should().ContainSingle().Which.Should().Contain(named);
    }

    [Theory]
    [InlineData("90", true)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("-5", false)]
    [InlineData("90天", false)]
    [InlineData("", false)]
    public void Durable_PurgeAfterDays_must_be_a_whole_number_of_days_of_at_least_one(string value, bool accepted)
    {
        IReadOnlyList<string> problems = Check(StartupHost.Functions, ("Durable:PurgeAfterDays", value));

        if (accepted)
        {
            problems.Should().BeEmpty();
        }
        else
        {
            problems.Should().ContainSingle().Which.Should().StartWith("Durable:PurgeAfterDays").And.Contain("默认 90");
        }
    }

    [Theory]
    [InlineData("00:00:30", true)]
    [InlineData("00:02:00", true)]
    [InlineData("00:00:01", false)]
    [InlineData("01:00:00", false)]
    [InlineData("30", false)]
    [InlineData("半分钟", false)]
    public void Durable_MessageVisibility_must_be_a_duration_from_five_seconds_to_ten_minutes(string value, bool accepted)
    {
        IReadOnlyList<string> problems = Check(new StartupHost("DevHost", IsDevHost: true, ListenUrls: ["http://127.0.0.1:7071"]), ("Durable:MessageVisibility", value));

        if (accepted)
        {
            problems.Should().BeEmpty();
        }
        else
        {
            problems.Should().ContainSingle().Which.Should().StartWith("Durable:MessageVisibility").And.Contain("默认 00:00:30");
        }
    }

    [Theory]
    [InlineData("Smtp:Tls", "Starttls", true)]
    [InlineData("Smtp:Tls", "SslOnConnect", true)]
    [InlineData("Smtp:Tls", "None", true)]
    [InlineData("Smtp:Tls", "Auto", false)]
    [InlineData("Smtp:Tls", "1", false)]
    [InlineData("Smtp:Port", "587", true)]
    [InlineData("Smtp:Port", "0", false)]
    [InlineData("Smtp:Port", "70000", false)]
    [InlineData("Smtp:Port", "五八七", false)]
    public void SMTP_port_and_TLS_mode_are_checked_before_the_first_mail(string key, string value, bool accepted)
    {
        IReadOnlyList<string> problems = Check(StartupHost.Functions, ("Mail:Provider", "Smtp"), ("Smtp:Host", "relay"), (key, value));

        if (accepted)
        {
            problems.Should().BeEmpty();
        }
        else
        {
            problems.Should().ContainSingle().Which.Should().StartWith(key);
        }
    }

    [Fact]
    public void A_malformed_telemetry_authentication_string_is_refused()
    {
        Check(StartupHost.Functions, ("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", "Authorization=Key;ClientId=x"))
            .Should().ContainSingle().Which.Should().StartWith("APPLICATIONINSIGHTS_AUTHENTICATION_STRING");
    }

    [Theory]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv-abc.vault.azure.net/secrets/links-signing-key/)", "links-signing-key")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv-abc.vault.azure.cn/secrets/smtp-password/ec96f02080254f109c51a1f14cdb1931)", "smtp-password")]
    [InlineData("@Microsoft.KeyVault(VaultName=kv-abc;SecretName=sendgrid-api-key)", "sendgrid-api-key")]
    [InlineData("@microsoft.keyvault(VaultName=kv-abc; SecretName=x ; SecretVersion=1)", "x")]
    public void A_Key_Vault_reference_names_its_secret(string reference, string secret)
    {
        KeyVaultReference.IsUnresolved(reference).Should().BeTrue();
        KeyVaultReference.SecretName(reference).Should().Be(secret);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SG.abc")]
    [InlineData("Microsoft.KeyVault(SecretUri=x)")]
    public void A_plain_value_is_not_a_reference(string? value)
    {
        KeyVaultReference.IsUnresolved(value).Should().BeFalse();
    }
}
