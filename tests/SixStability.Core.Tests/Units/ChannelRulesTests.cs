using SixStability.Core.Rules;
using SixStability.Core.Units;

namespace SixStability.Core.Tests.Units;

public sealed class ChannelRulesTests
{
    private static string WithRsjChannels(string channels) => Samples.Read("directory.json").Replace(
        "\"email\": \"rsj@example.gov.cn\",",
        $"\"email\": \"rsj@example.gov.cn\", \"channels\": {channels},",
        StringComparison.Ordinal);

    [Fact]
    public void A_unit_a_leader_and_the_coordinator_may_name_robots_by_kind_and_name_with_mobiles_to_mention()
    {
        string json = WithRsjChannels("""[{ "kind": "wecom", "robot": "rsj_group", "mobiles": ["13800000001"] }, { "kind": "dingtalk", "robot": "city_ding" }]""")
            .Replace("\"email\": \"lwlb@example.gov.cn\"", "\"email\": \"lwlb@example.gov.cn\", \"channels\": [{ \"kind\": \"dingtalk\", \"robot\": \"fgw_office\" }]", StringComparison.Ordinal);

        (UnitDirectory? directory, IReadOnlyList<FieldError> errors) = UnitDirectoryReader.Parse(json);

        errors.Should().BeEmpty();
        directory!.Units.Single(u => u.Id == "rsj").Channels.Should().Equal(
            new ChannelAddress(ChannelKind.WeCom, "rsj_group", directory.Units.Single(u => u.Id == "rsj").Channels![0].Mobiles),
            new ChannelAddress(ChannelKind.DingTalk, "city_ding"));
        directory.Units.Single(u => u.Id == "rsj").Channels![0].Mobiles.Should().Equal("13800000001");
        directory.Coordinator.Channels.Should().ContainSingle().Which.Name.Should().Be("dingtalk:fgw_office");
        directory.Units.Single(u => u.Id == "fgw").Channels.Should().BeNull("a unit that names no robot is told by mail only");
    }

    [Theory]
    [InlineData("""[{ "kind": "wecom", "robot": "rsj-group" }]""", "units[0].channels[0].robot", "下划线")]
    [InlineData("""[{ "kind": "wecom", "robot": "RSJ" }]""", "units[0].channels[0].robot", "小写字母")]
    [InlineData("""[{ "kind": "wecom", "robot": "a" }, { "kind": "wecom", "robot": "a" }]""", "units[0].channels[1].robot", "重复")]
    [InlineData("""[{ "kind": "dingtalk", "robot": "a", "mobiles": ["1380000000"] }]""", "units[0].channels[0].mobiles", "1380000000")]
    [InlineData("""[{ "kind": "dingtalk", "robot": "a", "mobiles": ["13800000001", "13800000001"] }]""", "units[0].channels[0].mobiles", "重复")]
    public void A_bad_robot_entry_is_refused_naming_its_field(string channels, string field, string says)
    {
        (UnitDirectory? directory, IReadOnlyList<FieldError> errors) = UnitDirectoryReader.Parse(WithRsjChannels(channels));

        directory.Should().BeNull();
        errors.Should().ContainSingle(e => e.Field == field).Which.Message.Should().Contain(says);
    }

    [Fact]
    public void The_summarys_recipients_name_no_robot_the_summary_goes_by_mail_only()
    {
        string json = Samples.Read("directory.json").Replace(
            "\"email\": \"szfb@example.gov.cn\"",
            "\"email\": \"szfb@example.gov.cn\", \"channels\": [{ \"kind\": \"wecom\", \"robot\": \"szfb\" }]",
            StringComparison.Ordinal);

        (UnitDirectory? directory, IReadOnlyList<FieldError> errors) = UnitDirectoryReader.Parse(json);

        directory.Should().BeNull();
        errors.Should().ContainSingle().Which.Field.Should().Be("summaryRecipients[0].channels");
    }

    [Fact]
    public void An_unknown_robot_kind_is_a_json_error_at_its_path()
    {
        (UnitDirectory? directory, IReadOnlyList<FieldError> errors) = UnitDirectoryReader.Parse(WithRsjChannels("""[{ "kind": "feishu", "robot": "a" }]"""));

        directory.Should().BeNull();
        errors.Single().Field.Should().Be("$.units[0].channels[0].kind");
    }

    [Fact]
    public void Every_robot_configuration_lacks_is_named_with_its_reader_and_the_setting_to_add()
    {
        UnitDirectory directory = UnitDirectoryReader.Parse(WithRsjChannels("""[{ "kind": "wecom", "robot": "rsj_group" }, { "kind": "dingtalk", "robot": "city_ding" }]""")).Directory!;
        directory = directory with { SupervisionOffice = directory.SupervisionOffice with { Channels = [new ChannelAddress(ChannelKind.WeCom, "dcs")] } };

        IReadOnlyList<FieldError> missing = ChannelRules.Unconfigured(directory, (kind, robot) => robot == "rsj_group");

        missing.Select(e => e.Field).Should().Equal("supervisionOffice.channels[0].robot", "units[0].channels[1].robot");
        missing[0].Message.Should().Contain("市政府督查室").And.Contain("企业微信机器人“dcs”未配置").And.Contain("Channels:WeCom:Robots:dcs");
        missing[1].Message.Should().Contain("市人社局").And.Contain("Channels:DingTalk:Robots:city_ding:AccessToken");
    }
}
