using SixStability.Core.Cycles.Board;

namespace SixStability.Workflow.Cycles;

/// <summary>
/// A cycle as the coordinator watches it: schedule, counts, one page of units' progress (filtered on the server),
/// pending 延期申请, mail and group-robot messages that failed. It reads the cycle's tallies and the page's units, never
/// every obligation, so it answers as fast for a province as for a city. A reader limited to some units (a 分管领导)
/// gets those units only, and their counts; the cycle's problems and failed mail and robot messages (other units'
/// addresses) are left out for them.
/// </summary>
public sealed class CycleProgressQuery(ICycleStore cycles, ICycleTallies tallies, IObligationStore obligations, CycleContextLoader loader, IDirectoryStore directory, IMailOutbox outbox, BusinessCalendar china)
{
    public Task<Outcome<CycleView>> RunAsync(string cycleId, ICycleClient engine, CancellationToken cancellationToken) =>
        RunAsync(cycleId, engine, UnitScope.All, new UnitPageAsk(), cancellationToken);

    public Task<Outcome<CycleView>> RunAsync(string cycleId, ICycleClient engine, UnitScope scope, CancellationToken cancellationToken) =>
        RunAsync(cycleId, engine, scope, new UnitPageAsk(), cancellationToken);

    public Task<Outcome<CycleView>> RunAsync(string cycleId, ICycleClient engine, UnitPageAsk ask, CancellationToken cancellationToken) =>
        RunAsync(cycleId, engine, UnitScope.All, ask, cancellationToken);

    public async Task<Outcome<CycleView>> RunAsync(string cycleId, ICycleClient engine, UnitScope scope, UnitPageAsk ask, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(ask);
        Task<CycleInstance?> instanceRead = engine.GetAsync(cycleId, cancellationToken);
        CycleRecord? record = await cycles.GetAsync(cycleId, cancellationToken).ConfigureAwait(false);
        CycleInstance? instance = await instanceRead.ConfigureAwait(false);
        if (record is null)
        {
            // Started, not opened yet: the orchestration exists, its first activity has not written the record.
            return instance is null
                ? Outcome.NotFound<CycleView>(CycleMessages.NoCycle(cycleId))
                : new CycleView(cycleId, "opening", instance.RuntimeStatus) { Failure = instance.Failure };
        }

        // The reads that do not depend on each other go out together.
        Task<IReadOnlyDictionary<string, UnitTally>> talliesRead = tallies.ReadAsync(cycleId, cancellationToken);
        Task<CycleLookup?> lookupRead = loader.LookupAsync(record, cancellationToken);
        Task<IReadOnlyList<ExtensionRequest>> requestsRead = obligations.ListExtensionRequestsAsync(cycleId, cancellationToken);
        Task<IReadOnlyList<OutboxEntry>> problemsRead = outbox.ProblemsAsync(cycleId, cancellationToken);
        Task<IReadOnlyList<CycleProblem>> cycleProblemsRead = cycles.ProblemsAsync(cycleId, cancellationToken);
        IReadOnlyDictionary<string, UnitTally> every = await talliesRead.ConfigureAwait(false);
        IReadOnlyDictionary<string, UnitTally> units = scope.IsAll ? every : every.Where(u => scope.Includes(u.Key)).ToDictionary(u => u.Key, u => u.Value, StringComparer.Ordinal);
        CycleLookup? lookup = await lookupRead.ConfigureAwait(false);
        Func<string, string> name = lookup is not null ? lookup.UnitName : await NamesAsync(record, cancellationToken).ConfigureAwait(false);
        BoardLeads leads = lookup is not null ? BoardLeads.Of(lookup) : BoardLeads.None;

        // Every unit as a row of the board, from the tallies alone; a tally without its tasks' states (written before
        // they were kept) has them from the unit's marks when a filter or the columns need them.
        units = await WithStandingsAsync(cycleId, units, cancellationToken).ConfigureAwait(false);
        BoardFilter filter = ask.Filter;
        IReadOnlyList<BoardRow> matched = BoardOrder.Sort(
            units.Select(u => new BoardRow(u.Key, name(u.Key), lookup?.FindUnit(u.Key)?.Kind ?? UnitKind.Department, u.Value)).Where(r => filter.Matches(r, leads)),
            ask.Sort);
        int pages = Math.Max(1, (matched.Count + ask.Size - 1) / ask.Size);
        int page = Math.Min(ask.Page, pages);
        List<BoardRow> shown = [.. matched.Skip((page - 1) * ask.Size).Take(ask.Size)];
        IReadOnlyDictionary<string, IReadOnlyList<ObligationMark>> marks = await tallies.MarksAsync(cycleId, [.. shown.Select(r => r.UnitId)], cancellationToken).ConfigureAwait(false);

        IReadOnlyList<CycleTick> timeline = CycleTimeline.Build(record.Frame, record.Policy, china, every.Values.SelectMany(u => u.Dues).Distinct());
        IReadOnlyList<OutboxEntry> problems = scope.IsAll ? await problemsRead.ConfigureAwait(false) : [];
        return new CycleView(cycleId, StatusName(record.Status), instance?.RuntimeStatus)
        {
            PlanId = record.Frame.PlanId,
            Quarter = record.Frame.Quarter,
            Mode = record.Frame.Mode,
            Versions = record.Versions,
            OrchestrationVersion = CycleOrchestratorVersions.Shown(record.OrchestrationVersion),
            Step = instance?.Progress?.Step,
            NextAt = instance?.Progress?.NextAt,
            Schedule = [.. timeline.Select(t => new ScheduleStepView(t.Kind, t.Level, t.At, t.Due, t.StepId))],
            Counts = UnitTally.Total(units.Values),
            Units = [.. shown.Where(r => marks.ContainsKey(r.UnitId)).Select(r => UnitProgressView.Of(r.UnitId, r.Name, marks[r.UnitId]) with
            {
                Kind = r.Kind,
                Leads = leads.LedBy(r.UnitId, marks[r.UnitId].Select(m => m.Task)),
            })],
            Paging = new UnitPaging(page, ask.Size, pages, matched.Count, units.Count),
            TaskNumbers = lookup?.Plan.Tasks.Select(t => t.Number).Distinct().Order().ToList(),
            Columns = Columns(lookup, TaskColumnCount.Over(matched, filter, leads)),
            Groups = [.. matched.GroupBy(r => r.Kind).Select(g => new UnitGroupView(g.Key, BoardOrder.GroupName(g.Key), g.Count()))],
            ExtensionRequests = [.. (await requestsRead.ConfigureAwait(false)).Where(r => scope.Includes(r.UnitId)).Select(r => new ExtensionRequestView(r.UnitId, r.Due, r.Reason, r.RequestedAt, r.State, r.Note, name(r.UnitId)))],
            MailProblems = [.. problems.Where(p => p.Channel is null).Select(p => new MailProblemView(p.Step, p.RecipientKey, p.To, p.Status, p.Error))],
            RobotProblems = [.. problems.Where(p => p.Channel is not null).Select(p => new RobotProblemView(p.Step, p.Reader ?? p.RecipientKey, p.Channel!.Value, p.Robot ?? string.Empty, p.Status, p.Attempts, p.Error, p.NotBefore))],
            Problems = scope.IsAll ? await cycleProblemsRead.ConfigureAwait(false) : [],
            Failure = instance?.Failure,
            CanResume = ResumeCycleUseCase.CanResume(record, instance),
        };
    }

    /// <summary>Every cycle, newest quarter first: the coordinator's starting point.</summary>
    public async Task<IReadOnlyList<CycleSummaryView>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await cycles.ListAsync(cancellationToken).ConfigureAwait(false))
            .OrderByDescending(r => r.Frame.Quarter)
            .ThenBy(r => r.CycleId, StringComparer.Ordinal)
            .Select(r => new CycleSummaryView(r.CycleId, r.Frame.PlanId, r.Frame.Quarter, r.Frame.Quarter.ChineseName, StatusName(r.Status), r.Frame.Mode, r.CreatedAt, r.ClosedAt)
            {
                OrchestrationVersion = CycleOrchestratorVersions.Shown(r.OrchestrationVersion),
            })];

    /// <summary>Units' names from the directory the cycle runs on (its id for a unit that has left it).</summary>
    private async Task<Func<string, string>> NamesAsync(CycleRecord record, CancellationToken cancellationToken)
    {
        if (await loader.LookupAsync(record, cancellationToken).ConfigureAwait(false) is { } lookup)
        {
            return lookup.UnitName;
        }

        // The plan is gone but the directory may not be: names still read.
        var resolver = (await directory.GetAsync(record.Versions?.Directory, cancellationToken).ConfigureAwait(false))?.Value is { } units ? new UnitResolver(units) : null;
        return id => resolver?.FindUnit(id)?.Name ?? id;
    }

    /// <summary>
    /// The board's columns: every task of the plan (the same on every page), its short title, and its count over the
    /// matched units; without the plan, the tasks the counts name.
    /// </summary>
    private static List<TaskColumnView> Columns(CycleLookup? lookup, IReadOnlyList<TaskColumnCount> counts)
    {
        var byTask = counts.ToDictionary(c => c.Task);
        IEnumerable<(int Number, string Title)> tasks = lookup is not null
            ? lookup.Plan.Tasks.Select(t => (t.Number, t.Title)).DistinctBy(t => t.Number)
            : counts.Select(c => (c.Task, $"任务{c.Task}"));
        return [.. tasks.OrderBy(t => t.Number).Select(t =>
        {
            TaskColumnCount count = byTask.GetValueOrDefault(t.Number) ?? new TaskColumnCount(t.Number, 0, 0, 0);
            return new TaskColumnView(t.Number, TaskShortTitle.Of(t.Title), t.Title, count.Total, count.Submitted, count.Accepted);
        })];
    }

    /// <summary>Tallies with their tasks' states: those written before the states were kept get them from the units' marks.</summary>
    private async Task<IReadOnlyDictionary<string, UnitTally>> WithStandingsAsync(string cycleId, IReadOnlyDictionary<string, UnitTally> units, CancellationToken cancellationToken)
    {
        List<string> bare = [.. units.Where(u => u.Value.Tasks is null).Select(u => u.Key)];
        if (bare.Count == 0)
        {
            return units;
        }

        IReadOnlyDictionary<string, IReadOnlyList<ObligationMark>> marks = await tallies.MarksAsync(cycleId, bare, cancellationToken).ConfigureAwait(false);
        return units.ToDictionary(
            u => u.Key,
            u => u.Value.Tasks is null && marks.TryGetValue(u.Key, out IReadOnlyList<ObligationMark>? own) ? u.Value with { Tasks = [.. own.OrderBy(m => m.Task).Select(TaskStanding.Of)] } : u.Value,
            StringComparer.Ordinal);
    }

    private static string StatusName(CycleStatus status) => status switch
    {
        CycleStatus.Open => "open",
        CycleStatus.Closed => "closed",
        _ => "cancelled",
    };
}
