namespace SixStability.Workflow.Pages.Unit;

/// <summary>
/// Reads what the unit's page shows: its tasks, every task's history in one read, its 延期申请 and 填报信息; for the
/// tasks it leads, its co-units' reports (one partition read per co-unit) and the deadlines it is asked about.
/// </summary>
public sealed class UnitPageQuery(UnitObligations units, IObligationStore obligations, SummaryArchive archive, ReportingContactUseCase contacts, TimeProvider clock)
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
            CoUnits = await CoUnitsAsync(view, cancellationToken).ConfigureAwait(false),
            Deadlines = await DeadlinesAsync(view, cancellationToken).ConfigureAwait(false),
        };
    }

    private async Task<IReadOnlyDictionary<int, IReadOnlyList<CoUnitReport>>> CoUnitsAsync(UnitView view, CancellationToken cancellationToken)
    {
        CycleLookup lookup = view.Cycle.Lookup;
        Dictionary<int, List<string>> byTask = view.Obligations
            .Where(o => o.IsLead)
            .ToDictionary(o => o.TaskNumber, o => lookup.Responsible(o.TaskNumber).Select(u => u.Id).Where(id => id != view.Unit.Id).ToList());
        string[] coUnits = [.. byTask.Values.SelectMany(ids => ids).Distinct(StringComparer.Ordinal)];
        if (coUnits.Length == 0)
        {
            return new Dictionary<int, IReadOnlyList<CoUnitReport>>();
        }

        var reports = new Dictionary<(string Unit, int Task), ObligationReport>();
        using var throttle = new SemaphoreSlim(8);
        await Task.WhenAll(coUnits.Select(async id =>
        {
            await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await foreach (ObligationReport r in obligations.ListReportsAsync(view.Cycle.CycleId, new UnitRange(id, id), cancellationToken).ConfigureAwait(false))
                {
                    lock (reports)
                    {
                        reports[(r.Obligation.UnitId, r.Obligation.TaskNumber)] = r;
                    }
                }
            }
            finally
            {
                throttle.Release();
            }
        })).ConfigureAwait(false);

        return byTask.ToDictionary(
            t => t.Key,
            t => (IReadOnlyList<CoUnitReport>)[.. t.Value
                .Where(id => reports.ContainsKey((id, t.Key)))
                .Select(id => reports[(id, t.Key)])
                .Select(r => new CoUnitReport(r.Obligation.UnitId, lookup.UnitName(r.Obligation.UnitId), r.Obligation, r.Obligation.State == ObligationState.Submitted ? r.Text : null))]);
    }

    private async Task<IReadOnlyDictionary<int, IReadOnlyList<TaskDeadline>>> DeadlinesAsync(UnitView view, CancellationToken cancellationToken)
    {
        Core.Calendar.Quarter quarter = view.Cycle.Record.Frame.Quarter;
        List<PlanTask> led = [.. view.Obligations
            .Where(o => o.IsLead)
            .Select(o => view.Cycle.Lookup.FindTask(o.TaskNumber))
            .OfType<PlanTask>()
            .Where(t => t.Deadlines.Any(d => d.Date <= quarter.LastDay))];
        if (led.Count == 0)
        {
            return new Dictionary<int, IReadOnlyList<TaskDeadline>>();
        }

        IReadOnlySet<DeadlineRef> metEarlier = await archive.MetEarlierAsync(view.Cycle.Record.Frame, cancellationToken).ConfigureAwait(false);
        return led.ToDictionary(t => t.Number, t => DeadlineQuestions.Asked(t, quarter, metEarlier));
    }
}
