using System.Text;
using SixStability.Core.Plans;
using SixStability.Core.Plans.Review;
using SixStability.Core.Rules;
using SixStability.Core.Units;
using SixStability.Workflow.Plans;
using SixStability.Workflow.Plans.Drafts;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Tests.Plans;

public sealed class PlanDraftUseCaseTests
{
    private const string Odd = "市人社保局";

    // The seed with the 人社局 written as a name the directory does not hold: the draft must ask about it.
    private static byte[] SeedWithOddName() =>
        Encoding.UTF8.GetBytes(Samples.Read("jingdezhen.txt").Replace("市人社局", Odd, StringComparison.Ordinal));

    [Fact]
    public async Task An_unknown_name_is_suggested_refuses_confirmation_until_accepted_then_becomes_an_alias_and_the_plan()
    {
        await using Workbench bench = await Workbench.CreateAsync();

        Outcome<PlanDraftView> drafted = await bench.Get<UploadPlanDraftUseCase>().RunAsync(new("city-b", SeedWithOddName(), "方案.txt", "text/plain"), CancellationToken.None);

        drafted.Kind.Should().Be(OutcomeKind.Ok);
        PlanDraftView view = drafted.Value!;
        view.Tasks.Should().Be(22);
        view.Ready.Should().BeFalse();
        view.Problems.Should().Contain(p => p.Contains(Odd, StringComparison.Ordinal));
        UnitResolution odd = view.Draft.Units.Single(u => u.Name == Odd);
        odd.IsResolved.Should().BeFalse();
        odd.Suggestions.Should().Contain(s => s.UnitId == "rsj");
        (await bench.Get<IPlanStore>().GetAsync("city-b", null, CancellationToken.None)).Should().BeNull("nothing is the plan before confirmation");

        Outcome<PlanStored> early = await bench.Get<ConfirmPlanDraftUseCase>().RunAsync(new("city-b", view.ETag, Workbench.Coordinator), CancellationToken.None);
        early.Kind.Should().Be(OutcomeKind.Refused);
        early.Message.Should().Contain(Odd);

        Outcome<PlanDraftView> accepted = await bench.Get<CorrectPlanDraftUseCase>().RunAsync(new("city-b", new AcceptSuggestion(Odd, UnitId: "rsj"), view.ETag), CancellationToken.None);
        accepted.Value!.Ready.Should().BeTrue();

        Outcome<PlanStored> confirmed = await bench.Get<ConfirmPlanDraftUseCase>().RunAsync(new("city-b", accepted.Value.ETag, Workbench.Coordinator), CancellationToken.None);

        confirmed.Kind.Should().Be(OutcomeKind.Ok);
        confirmed.Value!.Tasks.Should().Be(22);
        confirmed.Value.Version.Should().Be(1);
        UnitDirectory directory = (await bench.Get<IDirectoryStore>().GetAsync(null, CancellationToken.None))!.Value;
        directory.Units.Single(u => u.Id == "rsj").Aliases.Should().Contain(Odd);
        PlanCatalog plan = (await bench.Get<IPlanStore>().GetAsync("city-b", null, CancellationToken.None))!.Value;
        plan.Tasks.Should().HaveCount(22);
    }

    [Fact]
    public async Task The_same_file_uploaded_again_after_confirmation_drafts_the_same_catalog_without_a_new_review()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        var upload = bench.Get<UploadPlanDraftUseCase>();
        PlanDraftView first = (await upload.RunAsync(new("city-b", SeedWithOddName(), "方案.txt", "text/plain"), CancellationToken.None)).Value!;
        PlanDraftView notTask = (await bench.Get<CorrectPlanDraftUseCase>().RunAsync(new("city-b", new MarkNotTask(first.Draft.Tasks.Last().Number), first.ETag), CancellationToken.None)).Value!;
        PlanDraftView accepted = (await bench.Get<CorrectPlanDraftUseCase>().RunAsync(new("city-b", new AcceptSuggestion(Odd, UnitId: "rsj"), notTask.ETag), CancellationToken.None)).Value!;
        (await bench.Get<ConfirmPlanDraftUseCase>().RunAsync(new("city-b", accepted.ETag, Workbench.Coordinator), CancellationToken.None)).Kind.Should().Be(OutcomeKind.Ok);

        PlanDraftView again = (await upload.RunAsync(new("city-b", SeedWithOddName(), "方案.txt", "text/plain"), CancellationToken.None)).Value!;

        again.Ready.Should().BeTrue();
        again.Draft.Warnings.Should().BeEmpty("the accepted name is an alias now; nothing failed to replay");
        again.Tasks.Should().Be(21);
        again.Draft.Catalog.Should().BeEquivalentTo(accepted.Draft.Catalog);
    }

    [Fact]
    public async Task A_correction_made_against_a_draft_changed_since_is_a_conflict_and_changes_nothing()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        PlanDraftView first = (await bench.Get<UploadPlanDraftUseCase>().RunAsync(new("city-b", SeedWithOddName(), "方案.txt", "text/plain"), CancellationToken.None)).Value!;
        var correct = bench.Get<CorrectPlanDraftUseCase>();
        (await correct.RunAsync(new("city-b", new SetPlanTitle("新标题"), first.ETag), CancellationToken.None)).Kind.Should().Be(OutcomeKind.Ok);

        Outcome<PlanDraftView> stale = await correct.RunAsync(new("city-b", new MarkNotTask(1), first.ETag), CancellationToken.None);

        stale.Kind.Should().Be(OutcomeKind.Conflict);
        var stored = await bench.Get<IPlanDraftStore>().GetAsync("city-b", CancellationToken.None);
        stored!.Value.Draft.Tasks.Should().HaveCount(22);
        stored.Value.Draft.Title.Should().Be("新标题");
    }

    [Fact]
    public async Task An_old_Word_file_is_refused_with_what_to_do_and_no_draft_is_made()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        byte[] ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];

        Outcome<PlanDraftView> refused = await bench.Get<UploadPlanDraftUseCase>().RunAsync(new("city-b", ole, "方案.doc", "application/msword"), CancellationToken.None);

        refused.Kind.Should().Be(OutcomeKind.Refused);
        refused.Message.Should().Contain(".docx");
        (await bench.Get<IPlanDraftStore>().GetAsync("city-b", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task A_revised_file_is_not_given_the_last_reviews_corrections_and_the_draft_says_so()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        var upload = bench.Get<UploadPlanDraftUseCase>();
        PlanDraftView first = (await upload.RunAsync(new("city-b", SeedWithOddName(), "方案.txt", "text/plain"), CancellationToken.None)).Value!;
        PlanDraftView notTask = (await bench.Get<CorrectPlanDraftUseCase>().RunAsync(new("city-b", new MarkNotTask(first.Draft.Tasks.First().Number), first.ETag), CancellationToken.None)).Value!;
        PlanDraftView accepted = (await bench.Get<CorrectPlanDraftUseCase>().RunAsync(new("city-b", new AcceptSuggestion(Odd, UnitId: "rsj"), notTask.ETag), CancellationToken.None)).Value!;
        (await bench.Get<ConfirmPlanDraftUseCase>().RunAsync(new("city-b", accepted.ETag, Workbench.Coordinator), CancellationToken.None)).Kind.Should().Be(OutcomeKind.Ok);
        byte[] revised = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(SeedWithOddName()).Replace("稳定就业岗位", "稳定和扩大就业岗位", StringComparison.Ordinal));

        PlanDraftView again = (await upload.RunAsync(new("city-b", revised, "方案（修订）.txt", "text/plain"), CancellationToken.None)).Value!;

        again.Tasks.Should().Be(22, "item numbers of the old review may point at other items in a revised file");
        again.Draft.Warnings.Should().Contain(w => w.Message.Contains("未沿用", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Confirming_over_a_plan_stored_again_since_the_upload_is_a_conflict_and_keeps_that_version()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        PlanDraftView drafted = (await bench.Get<UploadPlanDraftUseCase>().RunAsync(new("jingdezhen", Encoding.UTF8.GetBytes(Samples.Read("jingdezhen.txt")), "方案.txt", "text/plain"), CancellationToken.None)).Value!;
        var stored = await bench.Get<IPlanStore>().GetAsync("jingdezhen", null, CancellationToken.None);
        Outcome<PlanStored> replaced = await bench.Get<ImportPlanUseCase>().RunAsync(new ImportPlanCommand("jingdezhen", Samples.Read("jingdezhen.txt"), IsJson: false, stored!.ETag, Workbench.Coordinator), CancellationToken.None);

        Outcome<PlanStored> confirmed = await bench.Get<ConfirmPlanDraftUseCase>().RunAsync(new("jingdezhen", drafted.ETag, Workbench.Coordinator), CancellationToken.None);

        replaced.Value!.Version.Should().Be(2);
        confirmed.Kind.Should().Be(OutcomeKind.Conflict);
        confirmed.Message.Should().Contain("第2版");
        (await bench.Get<IPlanStore>().GetAsync("jingdezhen", null, CancellationToken.None))!.Version.Number.Should().Be(2);
    }

    [Fact]
    public async Task Confirming_a_name_someone_added_to_the_directory_meanwhile_makes_no_new_directory_version()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        PlanDraftView drafted = (await bench.Get<UploadPlanDraftUseCase>().RunAsync(new("city-c", SeedWithOddName(), "方案.txt", "text/plain"), CancellationToken.None)).Value!;
        PlanDraftView accepted = (await bench.Get<CorrectPlanDraftUseCase>().RunAsync(new("city-c", new AcceptSuggestion(Odd, UnitId: "rsj"), drafted.ETag), CancellationToken.None)).Value!;
        var directory = bench.Get<IDirectoryStore>();
        var current = (await directory.GetAsync(null, CancellationToken.None))!;
        UnitDirectory withAlias = current.Value with { Units = [.. current.Value.Units.Select(u => u.Id == "rsj" ? u with { Aliases = [.. u.Aliases ?? [], Odd] } : u)] };
        int before = (await directory.PutAsync(withAlias, current.ETag, CancellationToken.None)).Value!.Number;

        Outcome<PlanStored> confirmed = await bench.Get<ConfirmPlanDraftUseCase>().RunAsync(new("city-c", accepted.ETag, Workbench.Coordinator), CancellationToken.None);

        confirmed.Kind.Should().Be(OutcomeKind.Ok);
        (await directory.GetAsync(null, CancellationToken.None))!.Version.Number.Should().Be(before, "a version that changes nothing would stale every page's ETag");
    }
}
