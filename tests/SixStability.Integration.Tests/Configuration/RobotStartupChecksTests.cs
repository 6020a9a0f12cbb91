using Microsoft.Extensions.Configuration;
using SixStability.Infrastructure.Configuration;

namespace SixStability.Integration.Tests.Configuration;

/// <summary>The start-up checks on group robots: configuration in, problems out.</summary>
public sealed class RobotStartupChecksTests
{
    private static readonly StartupHost LocalDevHost = new("DevHost", ChecksAdminKey: true, ["http://localhost:7071"]);

    private static IReadOnlyList<string> Check(StartupHost host, params (string Key, string? Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["Links:SigningKey"] = "k3Yq9s0bN1vZ+own-signing-key", ["Admin:Key"] = "own-admin-key-7f2c" };
        foreach ((string key, string? value) in settings)
        {
            values[key] = value;
        }

        return StartupChecks.Problems(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), host);
    }

    [Fact]
    public void Configured_robots_with_their_keys_start()
    {
        Check(
            StartupHost.Functions,
            ("Channels:WeCom:Robots:rsj_group", "693a91f6-7xxx"),
            ("Channels:DingTalk:Robots:fgw_office:AccessToken", "566cc69da782ec"),
            ("Channels:DingTalk:Robots:fgw_office:Secret", "SECabc"),
            ("Channels:DingTalk:Robots:keywords_only:AccessToken", "token-without-secret"))
            .Should().BeEmpty();
    }

    [Fact]
    public void An_unresolved_robot_key_or_secret_stops_the_host_naming_the_setting_and_the_secret_to_set()
    {
        IReadOnlyList<string> problems = Check(
            StartupHost.Functions,
            ("Channels:WeCom:Robots:rsj_group", "@Microsoft.KeyVault(SecretUri=https://kv-abc.vault.azure.net/secrets/wecom-rsj-group/)"),
            ("Channels:DingTalk:Robots:fgw_office:AccessToken", "566cc69da782ec"),
            ("Channels:DingTalk:Robots:fgw_office:Secret", "@Microsoft.KeyVault(SecretUri=https://kv-abc.vault.azure.net/secrets/dingtalk-fgw-office-secret/)"));

        problems.Should().HaveCount(2);
        problems[0].Should().Contain("Channels:WeCom:Robots:rsj_group").And.Contain("Channels__WeCom__Robots__rsj_group").And.Contain("--name wecom-rsj-group");
        problems[1].Should().Contain("Channels:DingTalk:Robots:fgw_office:Secret").And.Contain("--name dingtalk-fgw-office-secret");
    }

    [Fact]
    public void A_robot_without_its_key_or_token_and_a_name_Azure_cannot_hold_are_refused()
    {
        IReadOnlyList<string> problems = Check(
            StartupHost.Functions,
            ("Channels:WeCom:Robots:rsj-group", "key"),
            ("Channels:DingTalk:Robots:fgw:Secret", "SECabc"));

        problems.Should().HaveCount(2);
        problems.Should().Contain(p => p.Contains("rsj-group", StringComparison.Ordinal) && p.Contains("下划线", StringComparison.Ordinal));
        problems.Should().Contain(p => p.Contains("Channels:DingTalk:Robots:fgw:AccessToken 为空", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Channels:Pace:Messages", "0")]
    [InlineData("Channels:Pace:Messages", "30")]
    [InlineData("Channels:Pace:Window", "0")]
    [InlineData("Channels:Pace:Window", "一分钟")]
    public void An_allowance_the_robots_would_refuse_or_that_means_nothing_is_refused(string setting, string value)
    {
        Check(StartupHost.Functions, (setting, value)).Should().ContainSingle().Which.Should().Contain(setting);
    }

    [Fact]
    public void A_robot_host_is_a_URL_and_devhost_its_own_sink_only_on_DevHost()
    {
        Check(LocalDevHost, ("Channels:WeCom:Host", "devhost"), ("Channels:DingTalk:Host", "http://127.0.0.1:5050/dingtalk")).Should().BeEmpty();
        Check(StartupHost.Functions, ("Channels:WeCom:Host", "devhost")).Should().ContainSingle().Which.Should().Contain("Channels:WeCom:Host");
        Check(StartupHost.Functions, ("Channels:DingTalk:Host", "oapi.dingtalk.com")).Should().ContainSingle().Which.Should().Contain("Channels:DingTalk:Host");
    }
}
