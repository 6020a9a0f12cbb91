using SixStability.Core.Rules;
using SixStability.Workflow.Submissions;

namespace SixStability.Workflow.Tests.Submissions;

public sealed class AttachmentUseCaseTests
{
    [Fact]
    public async Task A_file_is_stored_and_named_and_detaching_it_leaves_the_task_without_it_and_deletes_its_bytes()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();

        Outcome<AttachedFile> attached = await bench.Get<AttachFileUseCase>().RunAsync(new AttachFileCommand(Workbench.CycleId, "rsj", 1, "台账.pdf", new byte[] { 1, 2, 3 }), CancellationToken.None);
        int blobsWhileAttached = bench.Blobs.Names.Count;
        Outcome<Core.Cycles.Obligation> detached = await bench.Get<DetachFileUseCase>().RunAsync(new DetachFileCommand(Workbench.CycleId, "rsj", 1, attached.Value!.File.Id), CancellationToken.None);

        attached.Value.File.ContentType.Should().Be("application/pdf");
        attached.Value.Obligation.Files.Should().ContainSingle(f => f.Name == "台账.pdf");
        blobsWhileAttached.Should().Be(1);
        detached.Value!.Files.Should().BeEmpty();
        bench.Blobs.Names.Should().BeEmpty("no submission named the file, so nothing keeps its bytes");
    }

    [Fact]
    public async Task A_detached_file_a_submission_named_keeps_its_bytes_and_one_only_a_draft_named_does_not()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        var attach = bench.Get<AttachFileUseCase>();
        var save = bench.Get<SaveReportUseCase>();
        string submitted = (await attach.RunAsync(new AttachFileCommand(Workbench.CycleId, "rsj", 1, "报送.pdf", new byte[] { 1 }), CancellationToken.None)).Value!.File.Id;
        (await save.RunAsync(new SaveReportCommand(Workbench.CycleId, "rsj", 1, new Core.Submissions.SubmissionForm("见附件", "按进度推进"), Draft: false), CancellationToken.None)).IsOk.Should().BeTrue();
        string drafted = (await attach.RunAsync(new AttachFileCommand(Workbench.CycleId, "rsj", 2, "草稿.pdf", new byte[] { 2 }), CancellationToken.None)).Value!.File.Id;
        (await save.RunAsync(new SaveReportCommand(Workbench.CycleId, "rsj", 2, new Core.Submissions.SubmissionForm("草稿"), Draft: true), CancellationToken.None)).IsOk.Should().BeTrue();

        await bench.Get<DetachFileUseCase>().RunAsync(new DetachFileCommand(Workbench.CycleId, "rsj", 1, submitted), CancellationToken.None);
        await bench.Get<DetachFileUseCase>().RunAsync(new DetachFileCommand(Workbench.CycleId, "rsj", 2, drafted), CancellationToken.None);
        Outcome<AttachmentFile> stillThere = await bench.Get<UnitReportQuery>().AttachmentAsync(Workbench.CycleId, "rsj", 1, submitted, CancellationToken.None);

        bench.Blobs.Names.Select(n => n.Name).Should().Equal(AttachFileUseCase.BlobName(Workbench.CycleId, "rsj", 1, submitted));
        stillThere.Value!.Content.ToArray().Should().Equal(1);
    }

    [Fact]
    public async Task A_submission_from_a_form_that_still_showed_a_file_removed_meanwhile_is_refused_as_stale()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        string id = (await bench.Get<AttachFileUseCase>().RunAsync(new AttachFileCommand(Workbench.CycleId, "rsj", 1, "台账.pdf", new byte[] { 1 }), CancellationToken.None)).Value!.File.Id;
        var form = new Core.Submissions.SubmissionForm("见附件", "按进度推进");

        // The submission has read the task (with its file) when the removal commits.
        bench.Obligations.BeforeNextChange = async () =>
            (await bench.Get<DetachFileUseCase>().RunAsync(new DetachFileCommand(Workbench.CycleId, "rsj", 1, id), CancellationToken.None)).IsOk.Should().BeTrue();
        Outcome<SavedReport> raced = await bench.Get<SaveReportUseCase>().RunAsync(new SaveReportCommand(Workbench.CycleId, "rsj", 1, form, Draft: false), CancellationToken.None);

        raced.Kind.Should().Be(OutcomeKind.Conflict);
        bench.Blobs.Names.Should().BeEmpty();
        (await bench.Get<SaveReportUseCase>().RunAsync(new SaveReportCommand(Workbench.CycleId, "rsj", 1, form, Draft: false), CancellationToken.None)).IsOk.Should().BeTrue("sent again, it names only what is attached");
    }

    [Fact]
    public async Task A_file_of_a_refused_type_stores_no_blob_and_a_missing_file_cannot_be_detached()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();

        Outcome<AttachedFile> refused = await bench.Get<AttachFileUseCase>().RunAsync(new AttachFileCommand(Workbench.CycleId, "rsj", 1, "setup.exe", new byte[] { 1 }), CancellationToken.None);
        Outcome<Core.Cycles.Obligation> missing = await bench.Get<DetachFileUseCase>().RunAsync(new DetachFileCommand(Workbench.CycleId, "rsj", 1, "nope"), CancellationToken.None);

        refused.Kind.Should().Be(OutcomeKind.Refused);
        refused.Errors.Single().Field.Should().Be("file");
        bench.Blobs.Names.Should().BeEmpty();
        missing.Kind.Should().Be(OutcomeKind.NotFound);
    }
}
