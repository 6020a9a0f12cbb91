using SixStability.Core.Plans;
using SixStability.Core.Rules;
using SixStability.Core.Units;

namespace SixStability.Core.Tests.Units;

public sealed class UnitDirectoryTests
{
    private static readonly UnitDirectory Sample = UnitDirectoryReader.Parse(Samples.Read("directory.json")).Directory!;

    private static readonly PlanCatalog Seed = PlanImporter.Import("jingdezhen", Samples.Read("jingdezhen.txt")).Catalog;

    [Fact]
    public void The_sample_directory_is_valid_and_names_every_unit_of_the_seed_plan()
    {
        UnitDirectoryReader.Parse(Samples.Read("directory.json")).Errors.Should().BeEmpty();

        new UnitResolver(Sample).Unresolved(Seed).Should().BeEmpty();
    }

    [Fact]
    public void Counties_group_expands_to_the_four_county_governments_whatever_the_brackets()
    {
        var resolver = new UnitResolver(Sample);

        foreach (string written in new[] { "各县〔市、区〕政府", "各县(市、区)政府", "各县（市、区）政府", "各县（市、区）人民政府" })
        {
            resolver.Resolve(written).Select(u => u.Name).Should().Equal("乐平市政府", "浮梁县政府", "珠山区政府", "昌江区政府");
        }
    }

    [Fact]
    public void Park_committees_group_expands_to_the_four_parks()
    {
        new UnitResolver(Sample).Resolve("园区管委会").Select(u => u.Name)
            .Should().Equal("景德镇高新区管委会", "陶瓷工业园区管委会", "乐平工业园区管委会", "浮梁产业园区管委会");
    }

    [Fact]
    public void An_alias_finds_the_same_unit()
    {
        new UnitResolver(Sample).Resolve("高新区管委会").Should().ContainSingle().Which.Id.Should().Be("gxq");
    }

    [Fact]
    public void Responsible_units_are_each_listed_once_with_the_lead_first()
    {
        var resolver = new UnitResolver(Sample);

        // (十八) names 产业链链长制各责任部门 first, then 市工信局 and 市商务局 again, and 高新区管委会.
        IReadOnlyList<Unit> units = resolver.ResponsibleFor(Seed.FindTask(18)!);

        units.Select(u => u.Id).Should().OnlyHaveUniqueItems();
        units[0].Id.Should().Be("gxj", "the first member of the chain-leader group leads");
        units.Select(u => u.Id).Should().Contain(["fgw", "swj", "cjj", "gxq", "hg", "tax"]);
        resolver.ResponsibleFor(Seed.FindTask(8)!).Should().HaveCount(8 + 4 + 4);
    }

    [Fact]
    public void A_directory_missing_a_unit_lists_the_unresolved_names()
    {
        UnitDirectory partial = Sample with
        {
            Units = Sample.Units.Where(u => u.Name is not ("市国调队" or "景德镇海关")).ToList(),
        };

        new UnitResolver(partial).Unresolved(Seed).Should().Equal("市国调队", "景德镇海关");
    }

    [Fact]
    public void Validation_names_each_bad_field()
    {
        UnitDirectory bad = Sample with
        {
            Coordinator = new Contact("市发改委", "not-an-address"),
            Units = [.. Sample.Units.Take(2), Sample.Units[2] with { Id = "Bad Id", Leader = "nobody" }, Sample.Units[0] with { Name = "另一个" }],
            Groups = [new UnitGroup("园区管委会", ["ghost"]), new UnitGroup("空组", [])],
        };

        IReadOnlyList<FieldError> errors = DirectoryValidator.Validate(bad);

        errors.Select(e => e.Field).Should().BeEquivalentTo(
            "coordinator.email", "units[2].id", "units[2].leader", "units[3].id", "groups[0].members", "groups[1].members");
        errors.Should().Contain(e => e.Message == "邮箱地址“not-an-address”无效。");
        errors.Should().Contain(e => e.Message == "单位编号“rsj”重复。");
    }

    [Fact]
    public void Two_units_with_the_same_name_in_other_brackets_are_a_conflict()
    {
        UnitDirectory bad = Sample with
        {
            Units = [.. Sample.Units, Sample.Units[0] with { Id = "rsj2", Name = "市人社局 ", Aliases = null }],
        };

        DirectoryValidator.Validate(bad).Should().ContainSingle().Which.Message.Should().Contain("名称“市人社局 ”与");
    }

    [Theory]
    [InlineData("", "$")]
    [InlineData("{ not json", "$")]
    [InlineData("[]", "$")]
    [InlineData("""{ "units": [] }""", "$")]
    public void A_malformed_directory_is_refused_with_a_message(string json, string field)
    {
        (UnitDirectory? directory, IReadOnlyList<FieldError> errors) = UnitDirectoryReader.Parse(json);

        directory.Should().BeNull();
        errors.Should().NotBeEmpty();
        errors[0].Field.Should().Be(field);
    }

    [Theory]
    [InlineData("a@example.gov.cn", true)]
    [InlineData("张三 <a@example.gov.cn>", false)]
    [InlineData("a@localhost", false)]
    [InlineData("a@@example.gov.cn", false)]
    [InlineData("", false)]
    public void Mail_addresses_are_checked_when_the_directory_is_loaded(string address, bool valid)
    {
        DirectoryValidator.IsValidEmail(address).Should().Be(valid);
    }
}
