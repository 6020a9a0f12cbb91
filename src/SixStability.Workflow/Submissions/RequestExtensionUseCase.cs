namespace SixStability.Workflow.Submissions;

/// <summary>延期申请: the unit asks for a later date with its reason (one per unit and cycle; a new one replaces it); the coordinator decides.</summary>
public sealed class RequestExtensionUseCase(UnitObligations units, IObligationStore obligations, TimeProvider clock)
{
    public async Task<Outcome<ExtensionRequest>> RunAsync(RequestExtensionCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        Outcome<UnitView> found = await units.FindAsync(command.CycleId, command.UnitId, cancellationToken).ConfigureAwait(false);
        if (!found.IsOk)
        {
            return found.As<ExtensionRequest>();
        }

        UnitView view = found.Value!;
        if (view.Obligations.Count == 0)
        {
            return Outcome.NotFound<ExtensionRequest>(CycleMessages.Gone);
        }

        DateTimeOffset now = clock.GetUtcNow();
        if (ExtensionRules.Check(command.Due, view.Obligations.Min(o => o.Due), view.Cycle.Today(now), view.Cycle.Timing, command.Reason, reasonRequired: true) is { } invalid)
        {
            return Outcome.Refused<ExtensionRequest>(invalid);
        }

        if (!view.Cycle.IsOpen)
        {
            return Outcome.Closed<ExtensionRequest>(CycleMessages.Closed);
        }

        var request = new ExtensionRequest(command.CycleId, command.UnitId, command.Due!.Value, command.Reason!, now);
        await obligations.SaveExtensionRequestAsync(request, cancellationToken).ConfigureAwait(false);
        return request;
    }
}

public sealed record RequestExtensionCommand(string CycleId, string UnitId, DateOnly? Due, string? Reason);
