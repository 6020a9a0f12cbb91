namespace SixStability.Workflow.Submissions;

/// <summary>
/// Removes a file from the unit's current form and deletes its bytes, unless a submission made earlier
/// names it: that submission keeps its file, so the coordinator can still open it. A submission racing
/// this removal is refused as stale (<see cref="SaveReportUseCase"/>), so none can name a deleted file.
/// </summary>
public sealed class DetachFileUseCase(UnitObligations units, IObligationStore obligations, IBlobStore blobs, TimeProvider clock)
{
    public async Task<Outcome<Obligation>> RunAsync(DetachFileCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        Outcome<UnitTask> found = await units.FindOpenAsync(command.CycleId, command.UnitId, command.Task, cancellationToken).ConfigureAwait(false);
        if (!found.IsOk)
        {
            return found.As<Obligation>();
        }

        if (found.Value!.Obligation.Files.FirstOrDefault(f => f.Id == command.FileId) is not { } file)
        {
            return Outcome.NotFound<Obligation>(Obligation.MissingFile);
        }

        Outcome<ChangeResult> changed = await obligations.ChangeAsync(
            command.CycleId,
            command.UnitId,
            command.Task,
            o => o.CheckRevision(command.IfMatch).Then(x => x.Detach(command.FileId)),
            new HistoryEntry(clock.GetUtcNow(), command.UnitId, "detached", file.Name),
            null,
            cancellationToken).ConfigureAwait(false);
        if (changed.IsOk && !changed.Value!.Replayed)
        {
            // After the commit: history read now holds every submission that could name the file.
            IReadOnlyList<HistoryEntry> history = await obligations.HistoryAsync(command.CycleId, command.UnitId, command.Task, cancellationToken).ConfigureAwait(false);
            if (!SubmittedFiles.Ids(history).Contains(file.Id))
            {
                await blobs.DeleteAsync(AttachFileUseCase.Container, AttachFileUseCase.BlobName(command.CycleId, command.UnitId, command.Task, file.Id), cancellationToken).ConfigureAwait(false);
            }
        }

        return changed.Map(c => c.Obligation);
    }
}

public sealed record DetachFileCommand(string CycleId, string UnitId, int Task, string FileId, string? IfMatch = null);
