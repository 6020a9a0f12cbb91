using System.Text.Json;
using SixStability.Core.Plans;

namespace SixStability.Core.Tests.Plans;

/// <summary>Each indicator is marked cumulative, level or at-most; catalogs stored before kinds still load right.</summary>
public sealed class IndicatorKindTests
{
    private static readonly PlanCatalog Seed = PlanImporter.Import("jingdezhen", Samples.Read("jingdezhen.txt")).Catalog;

    [Theory]
    [InlineData("今年完成2万户老旧小区改造", IndicatorKind.Cumulative)]
    [InlineData("新增停车位1100个", IndicatorKind.Cumulative)]
    [InlineData("全面完成2020年11.106万亩高标准农田建设任务", IndicatorKind.Cumulative)]
    [InlineData("确保森林覆盖率稳定在66%以上", IndicatorKind.Level)]
    [InlineData("确保贫困人口住院最终报销比例达到90%的适度要求", IndicatorKind.Level)]
    [InlineData("全年粮食播面稳定在143万亩", IndicatorKind.Level)]
    [InlineData("能繁母猪存栏1.8万头", IndicatorKind.Level)]
    [InlineData("企业投资项目压减至60个工作日以内", IndicatorKind.AtMost)]
    public void The_seed_plans_targets_are_marked_by_their_wording(string name, IndicatorKind kind)
    {
        Seed.Tasks.SelectMany(t => t.Indicators).Single(i => i.Name == name).Kind.Should().Be(kind);
    }

    [Theory]
    [InlineData("城镇登记失业率控制在4.5%以内", "%", IndicatorKind.AtMost)]
    [InlineData("PM2.5平均浓度不高于35微克", "微克", IndicatorKind.AtMost)]
    [InlineData("新增就业达到1.2万人", "人", IndicatorKind.Cumulative)]
    [InlineData("普惠小微贷款余额增长30%以上", "%", IndicatorKind.Level)]
    public void A_clause_is_classified_by_what_it_asks(string clause, string unit, IndicatorKind kind)
    {
        IndicatorKinds.Classify(clause, unit).Should().Be(kind);
    }

    [Theory]
    [InlineData("""{"name":"企业投资项目压减至60个工作日以内","target":60,"unit":"个工作日","direction":"atMost"}""", IndicatorKind.AtMost)]
    [InlineData("""{"name":"确保森林覆盖率稳定在66%以上","target":66,"unit":"%","direction":"atLeast"}""", IndicatorKind.Level)]
    [InlineData("""{"name":"新增停车位1100个","target":1100,"unit":"个","direction":"atLeast"}""", IndicatorKind.Cumulative)]
    [InlineData("""{"name":"新增停车位1100个","target":1100,"unit":"个"}""", IndicatorKind.Cumulative)]
    [InlineData("""{"name":"新增停车位1100个","target":1100,"unit":"个","kind":"level","direction":"atLeast"}""", IndicatorKind.Level)]
    public void A_stored_indicator_with_only_a_direction_reads_as_the_kind_its_wording_says(string json, IndicatorKind kind)
    {
        JsonSerializer.Deserialize<Indicator>(json, SixStability.Core.Text.Json.Options)!.Kind.Should().Be(kind);
    }

    [Fact]
    public void An_indicator_is_written_with_its_kind_and_the_direction_older_readers_know()
    {
        string json = JsonSerializer.Serialize(new Indicator("压减至60个工作日以内", 60, "个工作日", IndicatorKind.AtMost), SixStability.Core.Text.Json.Options);

        json.Should().Be("""{"name":"压减至60个工作日以内","target":60,"unit":"个工作日","kind":"atMost","direction":"atMost"}""");
    }

    [Fact]
    public void A_stored_catalog_missing_an_indicator_field_is_refused_with_the_fields_path()
    {
        const string json = """{"planId":"p","title":"t","sections":[{"number":1,"title":"s","tasks":[{"number":1,"title":"x","text":"","units":["a"],"deadlines":[],"indicators":[{"name":"n","unit":"户"}]}]}]}""";

        Action act = () => JsonSerializer.Deserialize<PlanCatalog>(json, SixStability.Core.Text.Json.Options);

        act.Should().Throw<JsonException>().Which.Path.Should().StartWith("$.sections[0].tasks[0].indicators[0]");
    }

    [Fact]
    public void The_seed_catalog_reads_back_from_its_JSON_with_every_kind()
    {
        string json = JsonSerializer.Serialize(Seed, SixStability.Core.Text.Json.Options);

        PlanCatalog back = JsonSerializer.Deserialize<PlanCatalog>(json, SixStability.Core.Text.Json.Options)!;

        JsonSerializer.Serialize(back, SixStability.Core.Text.Json.Options).Should().Be(json);
        json.Should().NotContain("\"label\"").And.NotContain("\"leadCount\"");
    }
}
