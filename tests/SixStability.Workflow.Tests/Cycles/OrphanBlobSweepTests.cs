using SixStability.Core.Submissions;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Submissions;

namespace SixStability.Workflow.Tests.Cycles;

public sealed class OrphanBlobSweepTests
{
    [Fact]
    public async Task The_sweep_removes_only_the_blobs_nothing_names_and_leaves_other_cycles_alone()
    {
        await using Workbench bench = await Workbench.CreateAsync();
        await bench.OpenCycleAsync();
        string attached = (await bench.Get<AttachFileUseCase>().RunAsync(new AttachFileCommand(Workbench.CycleId, "rsj", 1, "在用.pdf", new byte[] { 1 }), CancellationToken.None)).Value!.File.Id;
        string submitted = (await bench.Get<AttachFileUseCase>().RunAsync(new AttachFileCommand(Workbench.CycleId, "rsj", 2, "已报送.pdf", new byte[] { 2 }), CancellationToken.None)).Value!.File.Id;
        await bench.Get<SaveReportUseCase>().RunAsync(new SaveReportCommand(Workbench.CycleId, "rsj", 2, new SubmissionForm("见附件", "按进度推进"), Draft: false), CancellationToken.None);
        await bench.Get<DetachFileUseCase>().RunAsync(new DetachFileCommand(Workbench.CycleId, "rsj", 2, submitted), CancellationToken.None);

        // A process that died between writing the blob and committing the row that names it.
        string orphan = AttachFileUseCase.BlobName(Workbench.CycleId, "rsj", 1, "0123456789abcdef0123456789abcdef");
        string otherCycle = AttachFileUseCase.BlobName("jingdezhen-2020Q4", "rsj", 1, "fedcba9876543210fedcba9876543210");
        await bench.Blobs.PutAsync(AttachFileUseCase.Container, orphan, new byte[] { 9 }, "application/pdf", CancellationToken.None);
        await bench.Blobs.PutAsync(AttachFileUseCase.Container, otherCycle, new byte[] { 9 }, "application/pdf", CancellationToken.None);

        SweptBlobs swept = await bench.Get<OrphanBlobSweep>().RunAsync(Workbench.CycleId, CancellationToken.None);

        swept.Attachments.Should().Be(1);
        bench.Blobs.Names.Select(n => n.Name).Should().BeEquivalentTo(
            AttachFileUseCase.BlobName(Workbench.CycleId, "rsj", 1, attached),
            AttachFileUseCase.BlobName(Workbench.CycleId, "rsj", 2, submitted),
            otherCycle);
    }
}
