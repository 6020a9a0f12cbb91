using SixStability.Core.Cycles;
using SixStability.Core.Plans;
using SixStability.Core.Submissions;
using SixStability.Core.Units;

namespace SixStability.Core.Reports;

/// <summary>
/// Compiles a <see cref="CycleSummary"/> from obligations fed one at a time (pages streamed from
/// storage) with the text of each submission, keeping only per-task and per-unit tallies and the
/// condensed accounts the report shows: memory grows with tasks and units, not with what was written.
/// </summary>
public sealed class SummaryCompiler(SummaryInput input)
{
    private readonly SummaryInput input = input ?? throw new ArgumentNullException(nameof(input));
    private readonly UnitResolver resolver = new(input.Directory);
    private readonly Lateness lateness = new(input);
    private readonly TextBudget budget = input.Budget ?? TextBudget.Default;
    private readonly ScoreRule rule = input.Score ?? ScoreRule.Default;
    private readonly Dictionary<int, TaskTally> tasks = [];
    private readonly Dictionary<string, UnitTally> units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);
    private readonly Dictionary<DateOnly, int> leadDues = [];
    private readonly Dictionary<DateOnly, int> coUnitDues = [];
    private readonly Dictionary<int, Dictionary<string, int>> places = [];

    public static CycleSummary Compile(SummaryInput input, IEnumerable<Obligation> obligations) =>
        CompileWithTexts(input, (obligations ?? throw new ArgumentNullException(nameof(obligations))).Select(o => (o, (ReportText?)null)));

    public static CycleSummary CompileWithTexts(SummaryInput input, IEnumerable<(Obligation Obligation, ReportText? Text)> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var compiler = new SummaryCompiler(input);
        foreach ((Obligation o, ReportText? text) in reports)
        {
            compiler.Add(o, text);
        }

        return compiler.Compile();
    }

    /// <param name="text">What the unit last submitted (null when it has not, or for a row kept before texts were).</param>
    public void Add(Obligation obligation, ReportText? text = null)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        if (!tasks.TryGetValue(obligation.TaskNumber, out TaskTally? task))
        {
            task = tasks[obligation.TaskNumber] = new TaskTally();
        }

        if (!units.TryGetValue(obligation.UnitId, out UnitTally? unit))
        {
            unit = units[obligation.UnitId] = new UnitTally();
        }

        bool submitted = obligation.State == ObligationState.Submitted;
        string status = submitted ? obligation.Figures?.Status ?? string.Empty : string.Empty;
        bool overdue = lateness.Overdue(obligation);
        task.Units++;
        (submitted ? task.Reported : task.Missing).Add(obligation.UnitId);
        task.Overdue += overdue ? 1 : 0;
        if (submitted && obligation.Late)
        {
            task.Late.Add(obligation.UnitId);
        }

        task.OnTrack += status == ReportedFigures.OnTrack ? 1 : 0;
        task.Behind += status == ReportedFigures.Behind ? 1 : 0;
        task.Done += status == ReportedFigures.Done ? 1 : 0;
        Dictionary<DateOnly, int> dues = obligation.IsLead ? leadDues : coUnitDues;
        dues[obligation.Due] = dues.GetValueOrDefault(obligation.Due) + 1;
        if (obligation.IsLead)
        {
            task.Lead = obligation;
        }

        if (submitted && text is { Narrative.Length: > 0 })
        {
            Account(task, obligation, text);
        }

        int daysLate = lateness.WorkingDaysLate(obligation);
        unit.Obligations++;
        unit.Submitted += submitted ? 1 : 0;
        unit.OnTime += submitted && !obligation.Late ? 1 : 0;
        unit.Late += submitted && obligation.Late ? 1 : 0;
        unit.Overdue += overdue ? 1 : 0;
        unit.Pending += !submitted && !overdue ? 1 : 0;
        unit.DaysLate = Math.Max(unit.DaysLate, daysLate);
        unit.DaysLateTotal += daysLate;
        unit.Level = Math.Max(unit.Level, obligation.EscalationLevel);
        unit.Returns += obligation.Returns;
        unit.Accepted += obligation.IsAccepted ? 1 : 0;
    }

    public CycleSummary Compile()
    {
        int quarter = input.Quarter.Number;
        IReadOnlySet<DeadlineRef> metEarlier = DeadlineQuestions.MetBy(input.Previous);
        var taskSummaries = new Dictionary<int, TaskSummary>();
        var deadlines = new List<DeadlineSummary>();
        foreach (PlanTask task in input.Plan.Tasks)
        {
            if (!tasks.TryGetValue(task.Number, out TaskTally? tally))
            {
                continue; // a task with no responsible unit in this cycle is not reported on
            }

            Obligation? lead = tally.Lead;
            bool leadSubmitted = lead?.State == ObligationState.Submitted;
            decimal? Reading(Indicator i) => leadSubmitted ? lead!.Figures?.Readings.FirstOrDefault(r => r.Name == i.Name)?.Value : null;
            IndicatorSummary[] indicators = [.. task.Indicators.Select(i => TaskRating.Judge(i, Reading(i), quarter))];
            bool leadMissing = lead is not null && lateness.Overdue(lead);
            var facts = new TaskFacts(tally.Units, tally.Overdue, tally.Late.Count, tally.Behind, leadMissing, leadSubmitted, leadSubmitted && lead!.Late, indicators, tally.Missing.Count - tally.Overdue);
            (Rag status, IReadOnlyList<string> reasons) = TaskRating.Rate(facts, quarter);
            string leadName = lead is null ? string.Empty : Name(lead.UnitId);
            if (lead is not null)
            {
                units[lead.UnitId].IndicatorsAhead += indicators.Count(i => i.Ahead);
                foreach (TaskDeadline d in DeadlineQuestions.Asked(task, input.Quarter, metEarlier))
                {
                    DeadlineSummary answered = Deadline(task, d, lead, leadName);
                    units[lead.UnitId].DeadlinesMet += answered.State == DeadlineState.Met ? 1 : 0;
                    deadlines.Add(answered);
                }
            }

            IReadOnlyList<UnitAccount> accounts = tally.LeadAccount is { } consolidated ? [consolidated] : [.. tally.Accounts.OrderBy(a => a.Place).Select(a => a.Account)];
            int others = tally.LeadAccount is null ? tally.OtherAccounts : 0;
            taskSummaries[task.Number] = new TaskSummary(
                task.Number,
                task.Title,
                leadName,
                Names(tally.Reported),
                Names(tally.Missing),
                Names(tally.Late),
                tally.OnTrack,
                tally.Behind,
                tally.Done,
                indicators,
                status,
                reasons,
                accounts,
                others);
        }

        SectionSummary[] sections = [.. input.Plan.Sections
            .Select(s => new SectionSummary(s.Number, s.Title, [.. s.Tasks.Where(t => taskSummaries.ContainsKey(t.Number)).Select(t => taskSummaries[t.Number])]))
            .Where(s => s.Tasks.Count > 0)];

        int obligations = units.Values.Sum(u => u.Obligations);
        int missing = units.Values.Sum(u => u.Obligations - u.Submitted);
        int late = units.Values.Sum(u => u.Late);
        DateOnly? leadDue = Mode(leadDues);
        DateOnly? coUnitDue = Mode(coUnitDues);
        var overview = new SummaryOverview(
            units.Count,
            taskSummaries.Count,
            obligations,
            obligations - missing,
            obligations - missing - late,
            late,
            missing,
            obligations == 0 ? 0 : Math.Round((obligations - missing) * 100m / obligations, 1, MidpointRounding.AwayFromZero),
            taskSummaries.Values.Count(t => t.Status == Rag.Green),
            taskSummaries.Values.Count(t => t.Status == Rag.Amber),
            taskSummaries.Values.Count(t => t.Status == Rag.Red),
            taskSummaries.Values.Count(t => t.Status == Rag.Pending),
            leadDue,
            coUnitDue == leadDue ? null : coUnitDue,
            units.Values.Sum(u => u.Accepted));

        LateUnit[] lateUnits = [.. units
            .Where(u => u.Value.Late > 0 || u.Value.Overdue > 0)
            .Select(u => new LateUnit(u.Key, Name(u.Key), u.Value.DaysLate, u.Value.Level, u.Value.Late, u.Value.Overdue))
            .OrderByDescending(u => u.MissingTasks > 0)
            .ThenByDescending(u => u.WorkingDaysLate)
            .ThenBy(u => u.UnitId, StringComparer.Ordinal)];

        UnitStanding[] standings = [.. units.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => Standing(u.Key, u.Value))];
        UnitMention[] commended = [.. standings
            .Where(rule.Commends)
            .OrderByDescending(u => u.Score.Total)
            .ThenBy(u => u.UnitId, StringComparer.Ordinal)
            .Select(u => new UnitMention(u.UnitId, u.Name, u.Score.Reasons(), u.Score.Total))];
        UnitMention[] accountable = [.. standings
            .Where(rule.HoldsAccountable)
            .OrderBy(u => u.Score.Total)
            .ThenBy(u => u.UnitId, StringComparer.Ordinal)
            .Select(u => new UnitMention(u.UnitId, u.Name, u.Score.Reasons(), u.Score.Total))];

        var summary = new CycleSummary(
            input.CycleId,
            input.Plan.PlanId,
            input.Plan.Title,
            input.Quarter,
            input.Directory.Coordinator.Name,
            input.AsOf,
            input.Final,
            overview,
            sections,
            [.. deadlines.OrderBy(d => d.Date).ThenBy(d => d.Task)],
            lateUnits,
            commended,
            accountable,
            null,
            standings,
            [.. metEarlier.OrderBy(d => d.Date).ThenBy(d => d.Task)],
            rule);
        return input.Previous is null ? summary : WithChange(summary, input.Previous);
    }

    /// <summary>
    /// 是否按期完成 as the lead unit answered it; a lead that reports the whole task 已完成 met its deadlines;
    /// one that reported without answering (an older client) is "not said", never guessed as missed.
    /// </summary>
    private DeadlineSummary Deadline(PlanTask task, TaskDeadline deadline, Obligation lead, string leadName)
    {
        var summary = new DeadlineSummary(task.Number, task.Title, deadline.Date, deadline.Text, DeadlineState.NotAnswered, null, leadName);
        if (lead.State != ObligationState.Submitted)
        {
            return summary with { State = lateness.Overdue(lead) ? DeadlineState.NotReported : DeadlineState.Pending };
        }

        if (lead.Figures?.Deadlines?.FirstOrDefault(a => a.Date == deadline.Date) is { } answer)
        {
            DeadlineState state = answer.Answer switch
            {
                DeadlineAnswer.Met => DeadlineState.Met,
                DeadlineAnswer.Missed => DeadlineState.NotMet,
                _ => DeadlineState.NotDue,
            };
            return summary with { State = state, Note = string.IsNullOrWhiteSpace(answer.Reason) ? null : answer.Reason.Trim() };
        }

        return lead.Figures?.Status == ReportedFigures.Done ? summary with { State = DeadlineState.Met, Note = "任务已完成" } : summary;
    }

    private void Account(TaskTally task, Obligation o, ReportText text)
    {
        if (o.IsLead)
        {
            task.LeadAccount = new UnitAccount(o.UnitId, Name(o.UnitId), true, Sentences.Condense(text.Narrative, budget.Lead), Condensed(text.Difficulties, budget.LeadNotes), Condensed(text.NextSteps, budget.LeadNotes));
        }
        else
        {
            // The first units in the plan's own order are kept (the stream comes in id order), the rest counted.
            int place = Place(o.TaskNumber, o.UnitId);
            if (task.Accounts.Count >= budget.UnitsPerTask)
            {
                task.OtherAccounts++;
                int last = task.Accounts.Max(a => a.Place);
                if (place > last)
                {
                    return;
                }

                task.Accounts.RemoveAt(task.Accounts.FindIndex(a => a.Place == last));
            }

            task.Accounts.Add((place, new UnitAccount(o.UnitId, Name(o.UnitId), false, Sentences.Condense(text.Narrative, budget.Unit), Condensed(text.Difficulties, budget.UnitNotes), Condensed(text.NextSteps, budget.UnitNotes))));
        }
    }

    /// <summary>Where the unit stands among the task's responsible units as the plan names them (groups expanded).</summary>
    private int Place(int task, string unitId)
    {
        if (!places.TryGetValue(task, out Dictionary<string, int>? order))
        {
            PlanTask? planned = input.Plan.FindTask(task);
            order = places[task] = planned is null
                ? []
                : resolver.ResponsibleFor(planned).Select((u, i) => (u.Id, i)).GroupBy(x => x.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(x => x.i), StringComparer.Ordinal);
        }

        return order.TryGetValue(unitId, out int place) ? place : int.MaxValue;
    }

    private UnitStanding Standing(string unitId, UnitTally u)
    {
        var facts = new UnitCycleFacts(unitId, u.Obligations, u.Submitted, u.OnTime, u.Late, u.Overdue, u.Pending, u.DaysLateTotal, u.Level, u.Returns, u.IndicatorsAhead, u.DeadlinesMet) { Accepted = u.Accepted };
        return new UnitStanding(unitId, Name(unitId), resolver.FindUnit(unitId)?.Kind, facts, rule.Score(facts));
    }

    private static CycleSummary WithChange(CycleSummary now, CycleSummary before)
    {
        Dictionary<int, TaskSummary> previous = before.Tasks.ToDictionary(t => t.Number);
        SectionSummary[] sections = [.. now.Sections.Select(s => s with
        {
            Tasks = [.. s.Tasks.Select(t => previous.TryGetValue(t.Number, out TaskSummary? p)
                ? t with
                {
                    Indicators = [.. t.Indicators.Select(i => p.Indicators.FirstOrDefault(x => x.Name == i.Name) is { } was ? i with { PreviousValue = was.Value, PreviousPercent = was.Percent } : i)],
                }
                : t)],
        })];

        // Like with like: a colour only against a colour, rates only between two final summaries.
        TaskChange[] changes = [.. now.Tasks
            .Where(t => previous.TryGetValue(t.Number, out TaskSummary? p) && p.Status != Rag.Pending && t.Status != Rag.Pending)
            .Select(t => new TaskChange(t.Number, t.Title, previous[t.Number].Status, t.Status))];
        bool comparable = now.Final && before.Final;
        return now with
        {
            Sections = sections,
            Change = new QuarterChange(
                before.Quarter,
                comparable ? before.Overview.SubmissionRate : null,
                comparable ? now.Overview.SubmissionRate : null,
                comparable ? before.LateUnits.Count : null,
                comparable ? now.LateUnits.Count : null,
                changes),
        };
    }

    private static DateOnly? Mode(Dictionary<DateOnly, int> counts) =>
        counts.Count == 0 ? null : counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).First().Key;

    private static string? Condensed(string? text, int chars) => Sentences.Condense(text, chars) is { Length: > 0 } s ? s : null;

    private string Name(string unitId)
    {
        if (!names.TryGetValue(unitId, out string? name))
        {
            name = names[unitId] = resolver.FindUnit(unitId)?.Name ?? unitId;
        }

        return name;
    }

    private string[] Names(List<string> ids) => [.. ids.Order(StringComparer.Ordinal).Select(Name)];

    private sealed class TaskTally
    {
        public int Units { get; set; }

        public List<string> Reported { get; } = [];

        public List<string> Missing { get; } = [];

        public List<string> Late { get; } = [];

        /// <summary>Missing and due: what the colour counts.</summary>
        public int Overdue { get; set; }

        public int OnTrack { get; set; }

        public int Behind { get; set; }

        public int Done { get; set; }

        public Obligation? Lead { get; set; }

        public UnitAccount? LeadAccount { get; set; }

        /// <summary>Co-units' condensed accounts with their place in the plan's order, kept for a task whose lead has none.</summary>
        public List<(int Place, UnitAccount Account)> Accounts { get; } = [];

        public int OtherAccounts { get; set; }
    }

    private sealed class UnitTally
    {
        public int Obligations { get; set; }

        public int Submitted { get; set; }

        public int OnTime { get; set; }

        /// <summary>Missing and due: what accountability counts (a preview before the due day has none).</summary>
        public int Overdue { get; set; }

        public int Pending { get; set; }

        public int Late { get; set; }

        public int DaysLate { get; set; }

        public int DaysLateTotal { get; set; }

        public int Level { get; set; }

        public int Returns { get; set; }

        public int IndicatorsAhead { get; set; }

        public int DeadlinesMet { get; set; }

        public int Accepted { get; set; }
    }
}
