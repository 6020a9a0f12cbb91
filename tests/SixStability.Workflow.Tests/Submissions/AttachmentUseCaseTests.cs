using SixStability.Core.Rules;
using SixStability.Workflow.Submissions;

namespace SixStability.Workflow.Tests.Submissions;

public sealed class AttachmentUseCaseTests
{
    [Fact]
    public async Task A_file_is_stored_and_named_and_detaching_it_leaves_the_task_without_it()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();

        Outcome<AttachedFile> attached = await bench.Get<AttachFileUseCase>().RunAsync(new AttachFileCommand(Workbench.CycleId, "rsj", 1, "台账.pdf", new byte[] { 1, 2, 3 }), CancellationToken.None);
        Outcome<Core.Cycles.Obligation> detached = await bench.Get<DetachFileUseCase>().RunAsync(new DetachFileCommand(Workbench.CycleId, "rsj", 1, attached.Value!.File.Id), CancellationToken.None);

        attached.Value.File.ContentType.Should().Be("application/pdf");
        attached.Value.Obligation.Files.Should().ContainSingle(f => f.Name == "台账.pdf");
        bench.Blobs.Names.Should().ContainSingle();
        detached.Value!.Files.Should().BeEmpty();
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
