namespace SixStability.Workflow.Cycles;

/// <summary>
/// At a cycle's close, after the seal: deletes the cycle's attachment blobs that neither an obligation nor
/// a submission names, and its history text blobs that no history row names. Blobs are written before
/// the row that names them commits, so a process that dies between the two (or a change refused after
/// the write) leaves one behind; nothing can commit after the seal, so what is unnamed now stays unnamed.
/// A cleanup: a failure is logged and never stops the close.
/// </summary>
public sealed partial class OrphanBlobSweep(IObligationStore obligations, IBlobStore blobs, ILogger<OrphanBlobSweep> logger)
{
    public async Task<SweptBlobs> RunAsync(string cycleId, CancellationToken cancellationToken)
    {
        try
        {
            int files = await AttachmentsAsync(cycleId, cancellationToken).ConfigureAwait(false);
            int details = await obligations.RemoveOrphanDetailsAsync(cycleId, cancellationToken).ConfigureAwait(false);
            if (files + details > 0)
            {
                LogSwept(logger, cycleId, files, details);
            }

            return new SweptBlobs(files, details);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A cleanup: whatever fails here must not cost the cycle its close; the orphans cost storage, never data.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex, cycleId);
            return new SweptBlobs(0, 0);
        }
    }

    private async Task<int> AttachmentsAsync(string cycleId, CancellationToken cancellationToken)
    {
        // Names are {cycle}/{unit}/{task:D2}/{id}, each part escaped (AttachFileUseCase.BlobName).
        string prefix = Uri.EscapeDataString(cycleId) + "/";
        var byUnit = new Dictionary<string, List<(string Blob, int Task, string Id)>>(StringComparer.Ordinal);
        await foreach (string name in blobs.ListAsync(AttachFileUseCase.Container, prefix, cancellationToken).ConfigureAwait(false))
        {
            string[] parts = name[prefix.Length..].Split('/');
            if (parts.Length != 3 || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int task))
            {
                continue; // not a name this product writes: not ours to judge
            }

            string unit = Uri.UnescapeDataString(parts[0]);
            if (!byUnit.TryGetValue(unit, out var list))
            {
                byUnit[unit] = list = [];
            }

            list.Add((name, task, parts[2]));
        }

        int removed = 0;
        foreach ((string unit, List<(string Blob, int Task, string Id)> found) in byUnit)
        {
            IReadOnlyList<Obligation> current = await obligations.ListUnitAsync(cycleId, unit, cancellationToken).ConfigureAwait(false);
            IReadOnlyDictionary<int, IReadOnlyList<HistoryEntry>> history = await obligations.UnitHistoryAsync(cycleId, unit, cancellationToken).ConfigureAwait(false);
            foreach ((string blob, int task, string id) in found)
            {
                bool attached = current.Any(o => o.TaskNumber == task && o.Files.Any(f => f.Id == id));
                bool submitted = history.TryGetValue(task, out IReadOnlyList<HistoryEntry>? entries) && SubmittedFiles.Ids(entries).Contains(id);
                if (!attached && !submitted)
                {
                    await blobs.DeleteAsync(AttachFileUseCase.Container, blob, cancellationToken).ConfigureAwait(false);
                    removed++;
                }
            }
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle {CycleId}: removed {Files} orphan attachment blobs and {Details} orphan history blobs")]
    private static partial void LogSwept(ILogger logger, string cycleId, int files, int details);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cycle {CycleId}: the sweep of orphan blobs failed; they stay in storage")]
    private static partial void LogFailed(ILogger logger, Exception exception, string cycleId);
}

/// <param name="Attachments">Attachment blobs removed.</param>
/// <param name="Details">History text blobs removed.</param>
public sealed record SweptBlobs(int Attachments, int Details);
