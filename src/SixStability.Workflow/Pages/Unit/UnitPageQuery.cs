using SixStability.Core.Rules;
using SixStability.Core.Submissions;
using SixStability.Workflow.Ports;
using SixStability.Workflow.Submissions;

namespace SixStability.Workflow.Pages.Unit;

/// <summary>Reads what the unit's page shows: its tasks, every task's history in one read, its 延期申请, its 填报信息.</summary>
public sealed class UnitPageQuery(UnitObligations units, IObligationStore obligations, ReportingContactUseCase contacts, TimeProvider clock)
{
    public async Task<Outcome<UnitPageModel>> RunAsync(string cycleId, string unitId, string action, int? focus, PageMessage? message, SubmissionForm? typed, IReadOnlyDictionary<string, string>? typedIndicators, CancellationToken cancellationToken)
    {
        Outcome<UnitView> found = await units.FindAsync(cycleId, unitId, cancellationToken).ConfigureAwait(false);
        if (!found.IsOk)
        {
            return found.As<UnitPageModel>();
        }

        IReadOnlyDictionary<int, IReadOnlyList<HistoryEntry>> histories = await obligations.UnitHistoryAsync(cycleId, unitId, cancellationToken).ConfigureAwait(false);
        Core.Cycles.ExtensionRequest? extension = await obligations.GetExtensionRequestAsync(cycleId, unitId, cancellationToken).ConfigureAwait(false);
        UnitView view = found.Value!;
        Outcome<ReportingContactView> contact = await contacts.GetAsync(cycleId, unitId, cancellationToken).ConfigureAwait(false);
        return new UnitPageModel(view, action, view.Cycle.Today(clock.GetUtcNow()), histories, extension, focus, message, typed, typedIndicators)
        {
            Contact = contact.IsOk ? contact.Value : null,
        };
    }
}
