using System.Text.Json;
using SixStability.Core.Plans;
using SixStability.Core.Plans.Documents;
using SixStability.Core.Plans.Review;
using SixStability.Core.Units;

namespace SixStability.Core.Tests.Plans;

/// <summary>The review before use: names resolved or suggested, corrections applied as data, confirmation.</summary>
public sealed class PlanDraftTests
{
    private static readonly UnitDirectory Directory = UnitDirectoryReader.Parse(Samples.Read("directory.json")).Directory!;

    // A Jingdezhen plan written with full names, no 市 prefix and an item that names no unit.
    private const string Plan = """
        景德镇市稳就业工作方案
        2021年3月1日
        一、总体要求
        （一）指导思想。坚持稳中求进。
        二、重点任务
        （二）稳定就业岗位。新增就业1.2万人。（牵头单位：市人力资源和社会保障局；配合单位：市发展改革委、财政局、市住房和城乡建设局，各县（市、区）人民政府）
        （三）保障基本民生。完善社会保障。（市民政局、景德镇市医疗保障局负责）
        （四）加强宣传引导。营造良好氛围。
        """;

    private static PlanDraft Draft(UnitDirectory? directory = null) => PlanDraft.Create("jdz-2021", PlanDocument.FromText(Plan), directory ?? Directory).Value!;

    [Fact]
    public void Every_unit_name_is_resolved_against_the_directory_or_given_suggestions()
    {
        PlanDraft draft = Draft();

        draft.Units.Where(u => u.IsResolved).Select(u => (u.Name, u.Match, u.UnitId ?? u.Group)).Should().Equal(
            ("各县（市、区）人民政府", UnitMatch.Group, "各县（市、区）政府"),
            ("市民政局", UnitMatch.Unit, "mzj"));
        draft.Unknown.Select(u => (u.Name, u.Suggestions![0].Name, u.Suggestions[0].Reason)).Should().Equal(
            ("市人力资源和社会保障局", "市人社局", "简称相同（市人社局）"),
            ("市发展改革委", "市发改委", "简称相同（市发改委）"),
            ("财政局", "市财政局", "少写了“市”字"),
            ("市住房和城乡建设局", "市住建局", "简称相同（市住建局）"),
            ("景德镇市医疗保障局", "市医保局", "与“景德镇市医疗保障局”是同一名称的全称与简称"));
        draft.Unknown.Should().AllSatisfy(u => u.Suggestions!.Count.Should().BeInRange(1, 3));
    }

    [Fact]
    public void A_name_like_nothing_in_the_directory_gets_no_suggestion()
    {
        PlanDraft draft = PlanDraft.Create("p", PlanDocument.FromText("某方案\n一、任务\n（一）建设。内容。（责任单位：国家航天局）"), Directory).Value!;

        draft.Units.Single().Should().Match<UnitResolution>(u => u.Match == UnitMatch.Unknown && u.Suggestions!.Count == 0);
    }

    [Theory]
    [InlineData("各县级人民政府", "各县（市、区）政府", "名称相近")]
    [InlineData("市卫生健康委员会", "市卫健委", "简称相同（市卫健委）")]
    [InlineData("市文化广电旅游局", "市文旅局", "简称相同（市文旅局）")]
    [InlineData("市市场监督管理局", "市市场监管局", "简称相同（市市场监管局）")]
    [InlineData("市场监管局", "市市场监管局", "少写了“市”字")]
    public void Abbreviations_and_likenesses_are_suggested(string written, string suggested, string reason)
    {
        PlanDraft draft = PlanDraft.Create("p", PlanDocument.FromText($"某方案\n一、任务\n（一）建设。内容。（责任单位：{written}）"), Directory).Value!;

        draft.Units.Single().Suggestions![0].Should().Match<UnitSuggestion>(s => s.Name == suggested && s.Reason == reason);
    }

    [Fact]
    public void Another_district_is_not_suggested_for_a_district_government_of_the_same_shape()
    {
        PlanDraft draft = PlanDraft.Create("p", PlanDocument.FromText("某方案\n一、任务\n（一）建设。内容。（责任单位：黄埔区政府）"), Directory).Value!;

        draft.Units.Single().Suggestions.Should().BeEmpty();
    }

    [Fact]
    public void Accepting_a_suggestion_resolves_the_name_and_confirming_gives_the_alias_to_add_to_the_directory()
    {
        PlanDraft draft = Draft();
        foreach (UnitResolution unknown in draft.Unknown.ToList())
        {
            draft = draft.Apply(new AcceptSuggestion(unknown.Name, unknown.Suggestions![0].UnitId), Directory).Value!;
        }

        draft.Unknown.Should().BeEmpty();
        draft.Units.Single(u => u.Name == "财政局").Should().Match<UnitResolution>(u => u.Match == UnitMatch.Accepted && u.UnitId == "czj");
        PlanConfirmation confirmed = draft.Confirm(Directory).Value!;

        confirmed.Aliases.Select(a => (a.Alias, a.UnitId)).Should().Equal(
            ("市人力资源和社会保障局", "rsj"), ("市发展改革委", "fgw"), ("财政局", "czj"), ("市住房和城乡建设局", "zjj"), ("景德镇市医疗保障局", "ybj"));
        UnitDirectory updated = confirmed.UpdateDirectory(Directory);
        DirectoryValidator.Validate(updated).Should().BeEmpty();
        PlanDraft.Create("jdz-2021", PlanDocument.FromText(Plan), updated).Value!.Unknown.Should().BeEmpty("the next import knows the names");
        new UnitResolver(updated).ResponsibleFor(confirmed.Catalog.FindTask(1)!).Select(u => u.Id).Should().StartWith(["rsj", "fgw", "czj", "zjj"]);
    }

    [Fact]
    public void A_draft_is_not_confirmed_while_a_name_is_unknown_or_a_task_has_no_unit()
    {
        PlanDraft draft = Draft().Apply(new MarkTask(4), Directory).Value!;

        PlanResult<PlanConfirmation> confirmed = draft.Confirm(Directory);

        confirmed.Refusal!.Reason.Should().Be(PlanRefusalReason.NotReady);
        confirmed.Refusal.Errors.Select(e => e.Field).Should().Equal("items[4].units", "units");
        confirmed.Refusal.Message.Should().Contain("第8行 （四）加强宣传引导：没有责任单位").And.Contain("市人力资源和社会保障局");
    }

    [Fact]
    public void The_coordinator_sets_a_tasks_units_and_marks_items_as_task_or_not()
    {
        PlanDraft draft = Draft()
            .Apply(new MarkTask(1), Directory).Value!
            .Apply(new SetUnits(1, ["市发改委", "市人社局"], LeadCount: 2), Directory).Value!
            .Apply(new MarkNotTask(4), Directory).Value!
            .Apply(new SetUnits(2, ["市人社局", "市财政局"]), Directory).Value!
            .Apply(new SetUnits(3, ["市民政局", "市医保局"]), Directory).Value!;

        PlanConfirmation confirmed = draft.Confirm(Directory).Value!;

        confirmed.Catalog.Tasks.Select(t => (t.Number, t.Title, t.LeadCount)).Should().Equal((1, "指导思想", 2), (2, "稳定就业岗位", null), (3, "保障基本民生", null));
        confirmed.Catalog.Sections.Select(s => s.Number).Should().Equal(1, 2);
        confirmed.Aliases.Should().BeEmpty();
        confirmed.Corrections.Should().HaveCount(5);
    }

    [Fact]
    public void A_correction_that_does_not_fit_is_refused_and_changes_nothing()
    {
        PlanDraft draft = Draft();

        draft.Apply(new SetUnits(99, ["市人社局"]), Directory).Refusal!.Message.Should().Be("草稿中没有第 99 项。");
        draft.Apply(new AcceptSuggestion("财政局", UnitId: "no-such-unit"), Directory).Refusal!.Reason.Should().Be(PlanRefusalReason.InvalidCorrection);
        draft.Apply(new AcceptSuggestion("市民政局", UnitId: "mzj"), Directory).Refusal!.Message.Should().Contain("已在单位名录中");
        draft.Apply(new SetUnits(2, ["市人社局"], LeadCount: 2), Directory).Refusal!.Message.Should().Contain("牵头单位数");
        draft.Apply(new SetIndicatorKind(2, 5, IndicatorKind.Level), Directory).IsRefused.Should().BeTrue();
        draft.Corrections.Should().BeEmpty();
    }

    [Fact]
    public void The_coordinator_can_change_an_indicators_kind()
    {
        PlanDraft draft = Draft().Apply(new SetIndicatorKind(2, 0, IndicatorKind.Level), Directory).Value!;

        draft.Items.Single(i => i.Number == 2).Indicators.Single().Should().Be(new Indicator("新增就业1.2万人", 12000, "人", IndicatorKind.Level));
    }

    [Fact]
    public void The_same_file_with_the_same_corrections_imports_again_to_the_same_catalog()
    {
        PlanDraft first = Draft();
        foreach (UnitResolution unknown in first.Unknown.ToList())
        {
            first = first.Apply(new AcceptSuggestion(unknown.Name, unknown.Suggestions![0].UnitId), Directory).Value!;
        }

        first = first.Apply(new MarkNotTask(3), Directory).Value!;
        PlanConfirmation confirmed = first.Confirm(Directory).Value!;

        PlanDraft again = PlanDraft.Create("jdz-2021", PlanDocument.FromText(Plan), confirmed.UpdateDirectory(Directory), confirmed.Corrections).Value!;

        Json(again.Confirm(confirmed.UpdateDirectory(Directory)).Value!.Catalog).Should().Be(Json(confirmed.Catalog));
        Json(Draft()).Should().Be(Json(Draft()), "importing twice gives the same draft");
    }

    [Fact]
    public void A_draft_is_plain_data_that_reads_back_from_its_JSON()
    {
        PlanDraft draft = Draft().Apply(new AcceptSuggestion("财政局", UnitId: "czj"), Directory).Value!;
        string json = Json(draft);

        PlanDraft back = JsonSerializer.Deserialize<PlanDraft>(json, SixStability.Core.Text.Json.Options)!;

        Json(back).Should().Be(json);
        json.Should().Contain("\"action\": \"acceptSuggestion\"").And.Contain("\"match\": \"accepted\"").And.Contain("\"kind\": \"cumulative\"");
    }

    [Fact]
    public void Without_a_directory_every_name_is_unknown_and_the_draft_cannot_be_confirmed_against_an_empty_one()
    {
        PlanDraft draft = PlanDraft.Create("p", PlanDocument.FromText(Plan), null).Value!;

        draft.Units.Should().AllSatisfy(u => u.Match.Should().Be(UnitMatch.Unknown));
        draft.Apply(new AcceptSuggestion("财政局", UnitId: "czj"), null).Refusal!.Message.Should().Contain("尚未导入单位名录");
    }

    [Fact]
    public void A_bad_plan_id_or_a_document_without_items_is_refused()
    {
        PlanDraft.Create("Bad Id", PlanDocument.FromText(Plan), Directory).Refusal!.Reason.Should().Be(PlanRefusalReason.InvalidPlanId);
        PlanDraft.Create("p", PlanDocument.FromText("某方案\n各单位：请认真贯彻执行。"), Directory).Refusal!.Reason.Should().Be(PlanRefusalReason.NoTasks);
    }

    [Fact]
    public void Import_reads_the_file_and_drafts_it_in_one_call()
    {
        byte[] gbk = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(936)!.GetBytes(Plan);

        PlanResult<PlanDraft> draft = PlanDraft.Import("jdz-2021", gbk, "方案.txt", "text/plain", Directory);

        Json(draft.Value!).Should().Be(Json(Draft()));
        PlanDraft.Import("jdz-2021", "%PDF-1.4"u8, "方案.pdf", "application/pdf", Directory).Refusal!.Reason.Should().Be(PlanRefusalReason.UnsupportedFileType);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, SixStability.Core.Text.Json.Indented);
}
