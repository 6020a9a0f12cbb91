using SixStability.Core.Cycles;
using SixStability.Core.Rules;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Submissions;

/// <summary>Removes a file from the unit's current form; a submission made earlier keeps naming it in the history, so its blob stays.</summary>
public sealed class DetachFileUseCase(UnitObligations units, IObligationStore obligations, TimeProvider clock)
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
        return changed.Map(c => c.Obligation);
    }
}

public sealed record DetachFileCommand(string CycleId, string UnitId, int Task, string FileId, string? IfMatch = null);
