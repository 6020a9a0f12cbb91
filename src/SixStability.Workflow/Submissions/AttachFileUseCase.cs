namespace SixStability.Workflow.Submissions;

/// <summary>
/// 附件: stores one file for one of the unit's tasks. The blob is written first, then the obligation
/// names it; a refused change removes the blob again, so a name never points at a missing file.
/// </summary>
public sealed class AttachFileUseCase(UnitObligations units, IObligationStore obligations, IBlobStore blobs, TimeProvider clock)
{
    public const string Container = "attachments";

    public async Task<Outcome<AttachedFile>> RunAsync(AttachFileCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        Outcome<UnitTask> found = await units.FindOpenAsync(command.CycleId, command.UnitId, command.Task, cancellationToken).ConfigureAwait(false);
        if (!found.IsOk)
        {
            return found.As<AttachedFile>();
        }

        Obligation obligation = found.Value!.Obligation;

        (string? error, string contentType, string name) = AttachmentRules.Check(command.FileName, command.Content.Length, obligation.Files.Count);
        if (error is not null)
        {
            return Outcome.Refused<AttachedFile>(RuleViolation.Field("file", error));
        }

        var file = new Attachment(Guid.NewGuid().ToString("N"), name, contentType, command.Content.Length);
        string blob = BlobName(command.CycleId, command.UnitId, command.Task, file.Id);
        await blobs.PutAsync(Container, blob, command.Content, contentType, cancellationToken).ConfigureAwait(false);
        Outcome<ChangeResult> changed = await obligations.ChangeAsync(
            command.CycleId,
            command.UnitId,
            command.Task,
            o => o.CheckRevision(command.IfMatch).Then(x => AttachmentRules.Check(name, command.Content.Length, x.Files.Count).Error is { } full
                ? Outcome.Refused<Obligation>(RuleViolation.Field("file", full))
                : x.Attach(file)),
            new HistoryEntry(clock.GetUtcNow(), command.UnitId, "attached", name),
            command.IdempotencyKey is null ? null : new Idempotency("attach:" + command.IdempotencyKey, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(command.Content.Span))[..32]),
            cancellationToken).ConfigureAwait(false);
        if (!changed.IsOk || changed.Value!.Replayed)
        {
            // Refused, or the same upload again: the blob written for it is not named by anything.
            await blobs.DeleteAsync(Container, blob, cancellationToken).ConfigureAwait(false);
        }

        if (changed is { IsOk: true, Value.Replayed: true })
        {
            return new AttachedFile(changed.Value.Obligation.Files.LastOrDefault(f => f.Name == name) ?? file, changed.Value.Obligation);
        }

        return changed.Map(c => new AttachedFile(file, c.Obligation));
    }

    public static string BlobName(string cycleId, string unitId, int task, string id) =>
        $"{Uri.EscapeDataString(cycleId)}/{Uri.EscapeDataString(unitId)}/{task:D2}/{id}";
}

/// <param name="IdempotencyKey">The page's form key: a re-posted upload (a refresh) stores the file once.</param>
public sealed record AttachFileCommand(string CycleId, string UnitId, int Task, string? FileName, ReadOnlyMemory<byte> Content, string? IfMatch = null, string? IdempotencyKey = null);

public sealed record AttachedFile(Attachment File, Obligation Obligation);
