namespace SixStability.Workflow.Submissions;

/// <summary>
/// A unit says who answers for this cycle's reports (填报人, 联系电话, 审核领导), checked by Core's rule,
/// while the cycle is open; reading it offers last quarter's when this cycle has none yet.
/// </summary>
public sealed class ReportingContactUseCase(ICycleStore cycles, IReportingContactStore contacts)
{
    public async Task<Outcome<ReportingContactView>> GetAsync(string cycleId, string unitId, CancellationToken cancellationToken)
    {
        if (await cycles.GetAsync(cycleId, cancellationToken).ConfigureAwait(false) is null)
        {
            return Outcome.NotFound<ReportingContactView>(CycleMessages.NoCycle(cycleId));
        }

        if (await contacts.GetAsync(cycleId, unitId, cancellationToken).ConfigureAwait(false) is { } given)
        {
            return new ReportingContactView(given, Remembered: false);
        }

        return new ReportingContactView(await contacts.LastAsync(unitId, cancellationToken).ConfigureAwait(false), Remembered: true);
    }

    public async Task<Outcome<ReportingContactView>> SaveAsync(string cycleId, string unitId, ReportingContact? contact, CancellationToken cancellationToken)
    {
        CycleRecord? cycle = await cycles.GetAsync(cycleId, cancellationToken).ConfigureAwait(false);
        if (cycle is null)
        {
            return Outcome.NotFound<ReportingContactView>(CycleMessages.NoCycle(cycleId));
        }

        if (cycle.Status != CycleStatus.Open)
        {
            return Outcome.Closed<ReportingContactView>(CycleMessages.Closed);
        }

        if (ReportingContact.Check(contact) is { } refused)
        {
            return Outcome.Refused<ReportingContactView>(refused);
        }

        ReportingContact trimmed = contact!.Trimmed();
        await contacts.PutAsync(cycleId, cycle.Frame.Quarter, unitId, trimmed, cancellationToken).ConfigureAwait(false);
        return new ReportingContactView(trimmed, Remembered: false);
    }
}

/// <param name="Contact">Null when the unit has never given one.</param>
/// <param name="Remembered">The contact is last quarter's, offered for this cycle but not yet confirmed.</param>
public sealed record ReportingContactView(ReportingContact? Contact, bool Remembered);
