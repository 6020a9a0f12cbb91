using SixStability.Core.Cycles.Tallies;

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
        Task<Func<string, string>> namesRead = NamesAsync(record, cancellationToken);
        Task<IReadOnlyList<ExtensionRequest>> requestsRead = obligations.ListExtensionRequestsAsync(cycleId, cancellationToken);
        Task<IReadOnlyList<OutboxEntry>> problemsRead = outbox.ProblemsAsync(cycleId, cancellationToken);
        Task<IReadOnlyList<CycleProblem>> cycleProblemsRead = cycles.ProblemsAsync(cycleId, cancellationToken);
        IReadOnlyDictionary<string, UnitTally> every = await talliesRead.ConfigureAwait(false);
        IReadOnlyDictionary<string, UnitTally> units = scope.IsAll ? every : every.Where(u => scope.Includes(u.Key)).ToDictionary(u => u.Key, u => u.Value, StringComparer.Ordinal);
        Func<string, string> name = await namesRead.ConfigureAwait(false);

        // Units in id order, filtered as asked, and one page of them read in full.
        var matched = units.Where(u => (!ask.Late || u.Value.NeedsAttention) && (string.IsNullOrEmpty(ask.Name) || name(u.Key).Contains(ask.Name, StringComparison.Ordinal)))
            .Select(u => u.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        int pages = Math.Max(1, (matched.Count + ask.Size - 1) / ask.Size);
        int page = Math.Min(ask.Page, pages);
        List<string> shown = [.. matched.Skip((page - 1) * ask.Size).Take(ask.Size)];
        IReadOnlyDictionary<string, IReadOnlyList<ObligationMark>> marks = await tallies.MarksAsync(cycleId, shown, cancellationToken).ConfigureAwait(false);

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
            Units = [.. shown.Where(marks.ContainsKey).Select(u => UnitProgressView.Of(u, name(u), marks[u]))],
            Paging = new UnitPaging(page, ask.Size, pages, matched.Count, units.Count),
            TaskNumbers = await TaskNumbersAsync(record, cancellationToken).ConfigureAwait(false),
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

    /// <summary>The plan's task numbers: the board's columns, the same on every page.</summary>
    private async Task<IReadOnlyList<int>?> TaskNumbersAsync(CycleRecord record, CancellationToken cancellationToken) =>
        (await loader.LookupAsync(record, cancellationToken).ConfigureAwait(false))?.Plan.Tasks.Select(t => t.Number).Distinct().Order().ToList();

    private static string StatusName(CycleStatus status) => status switch
    {
        CycleStatus.Open => "open",
        CycleStatus.Closed => "closed",
        _ => "cancelled",
    };
}
