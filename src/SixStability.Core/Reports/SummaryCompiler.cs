using SixStability.Core.Cycles;
using SixStability.Core.Plans;
using SixStability.Core.Submissions;
using SixStability.Core.Units;

namespace SixStability.Core.Reports;

/// <summary>
/// Compiles a <see cref="CycleSummary"/> from obligations fed one at a time (pages streamed from
/// storage), keeping only per-task and per-unit tallies: memory grows with tasks and units, not with
/// the history of submissions.
/// </summary>
public sealed class SummaryCompiler(SummaryInput input)
{
    private readonly SummaryInput input = input ?? throw new ArgumentNullException(nameof(input));
    private readonly UnitResolver resolver = new(input.Directory);
    private readonly Dictionary<int, TaskTally> tasks = [];
    private readonly Dictionary<string, UnitTally> units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);

    // Most obligations share a handful of due days: count each span of working days once.
    private readonly Dictionary<(DateOnly From, DateOnly To), int> spans = [];

    public static CycleSummary Compile(SummaryInput input, IEnumerable<Obligation> obligations)
    {
        ArgumentNullException.ThrowIfNull(obligations);
        var compiler = new SummaryCompiler(input);
        foreach (Obligation o in obligations)
        {
            compiler.Add(o);
        }

        return compiler.Compile();
    }

    public void Add(Obligation obligation)
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
        int daysLate = DaysLate(obligation);
        string status = submitted ? obligation.Figures?.Status ?? string.Empty : string.Empty;
        task.Units++;
        (submitted ? task.Reported : task.Missing).Add(obligation.UnitId);
        bool overdue = !submitted && (input.Final || input.AsOf > obligation.Due);
        task.Overdue += overdue ? 1 : 0;
        if (submitted && obligation.Late)
        {
            task.Late.Add(obligation.UnitId);
        }

        task.OnTrack += status == ReportedFigures.OnTrack ? 1 : 0;
        task.Behind += status == ReportedFigures.Behind ? 1 : 0;
        task.Done += status == ReportedFigures.Done ? 1 : 0;
        if (obligation.IsLead)
        {
            task.Lead = obligation;
        }

        unit.Obligations++;
        unit.Missing += submitted ? 0 : 1;
        unit.Overdue += overdue ? 1 : 0;
        unit.Late += submitted && obligation.Late ? 1 : 0;
        unit.Behind |= status == ReportedFigures.Behind;
        unit.DaysLate = Math.Max(unit.DaysLate, daysLate);
        unit.Level = Math.Max(unit.Level, obligation.EscalationLevel);
        if (obligation.IsLead)
        {
            unit.LeadTasks.Add(obligation.TaskNumber);
        }
    }

    public CycleSummary Compile()
    {
        int quarter = input.Quarter.Number;
        var taskSummaries = new Dictionary<int, TaskSummary>();
        var offTrackTasks = new HashSet<int>();
        foreach (PlanTask task in input.Plan.Tasks)
        {
            if (!tasks.TryGetValue(task.Number, out TaskTally? tally))
            {
                continue; // a task with no responsible unit in this cycle is not reported on
            }

            IndicatorSummary[] indicators = [.. task.Indicators.Select(i => Indicator(i, tally.Lead))];
            if (indicators.Any(i => i.OnTrack != true))
            {
                offTrackTasks.Add(task.Number);
            }

            bool leadSubmitted = tally.Lead?.State == ObligationState.Submitted;
            bool leadMissing = tally.Lead is { } lead && !leadSubmitted && (input.Final || input.AsOf > lead.Due);
            var facts = new TaskFacts(tally.Units, tally.Overdue, tally.Late.Count, tally.Behind, leadMissing, leadSubmitted, leadSubmitted && tally.Lead!.Late, indicators, tally.Missing.Count - tally.Overdue);
            (Rag status, IReadOnlyList<string> reasons) = TaskRating.Rate(facts, quarter);
            taskSummaries[task.Number] = new TaskSummary(
                task.Number,
                task.Title,
                tally.Lead is null ? string.Empty : Name(tally.Lead.UnitId),
                Names(tally.Reported),
                Names(tally.Missing),
                Names(tally.Late),
                tally.OnTrack,
                tally.Behind,
                tally.Done,
                indicators,
                status,
                reasons);
        }

        SectionSummary[] sections = [.. input.Plan.Sections
            .Select(s => new SectionSummary(s.Number, s.Title, [.. s.Tasks.Where(t => taskSummaries.ContainsKey(t.Number)).Select(t => taskSummaries[t.Number])]))
            .Where(s => s.Tasks.Count > 0)];

        int obligations = units.Values.Sum(u => u.Obligations);
        int missing = units.Values.Sum(u => u.Missing);
        int late = units.Values.Sum(u => u.Late);
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
            taskSummaries.Values.Count(t => t.Status == Rag.Red));

        LateUnit[] lateUnits = [.. units
            .Where(u => u.Value.Late > 0 || u.Value.Overdue > 0)
            .Select(u => new LateUnit(u.Key, Name(u.Key), u.Value.DaysLate, u.Value.Level, u.Value.Late, u.Value.Overdue))
            .OrderByDescending(u => u.MissingTasks > 0)
            .ThenByDescending(u => u.WorkingDaysLate)
            .ThenBy(u => u.UnitId, StringComparer.Ordinal)];

        UnitMention[] commended = [.. units
            .Where(u => u.Value.Missing == 0 && u.Value.Late == 0 && !u.Value.Behind && !u.Value.LeadTasks.Any(offTrackTasks.Contains))
            .OrderBy(u => u.Key, StringComparer.Ordinal)
            .Select(u => new UnitMention(u.Key, Name(u.Key), u.Value.LeadTasks.Count > 0 ? "全部按时报送，牵头指标达到序时进度" : "全部按时报送，无滞后事项"))];

        UnitMention[] accountable = [.. units
            .Where(u => u.Value.Overdue > 0 || u.Value.Level >= input.LastLevel)
            .OrderByDescending(u => u.Value.Overdue)
            .ThenBy(u => u.Key, StringComparer.Ordinal)
            .Select(u => new UnitMention(u.Key, Name(u.Key), AccountabilityReason(u.Value)))];

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
            Deadlines(taskSummaries),
            lateUnits,
            commended,
            accountable,
            null);
        return input.Previous is null ? summary : WithChange(summary, input.Previous);
    }

    private IndicatorSummary Indicator(Indicator indicator, Obligation? lead)
    {
        decimal expected = indicator.Direction == IndicatorDirection.AtMost ? 100m : TaskRating.ExpectedPercent(input.Quarter.Number);
        decimal? value = lead?.State == ObligationState.Submitted
            ? lead.Figures?.Readings.FirstOrDefault(r => r.Name == indicator.Name)?.Value
            : null;
        return value is decimal v
            ? new IndicatorSummary(indicator.Name, indicator.Target, indicator.Unit, indicator.Direction, v, TaskRating.Percent(v, indicator.Target), expected, TaskRating.OnTrack(indicator, v, input.Quarter.Number))
            : new IndicatorSummary(indicator.Name, indicator.Target, indicator.Unit, indicator.Direction, null, null, expected, null);
    }

    /// <summary>Dated deadlines (节点任务) falling by the quarter's end, met when the lead unit reports the task 已完成.</summary>
    private DeadlineSummary[] Deadlines(Dictionary<int, TaskSummary> summaries) =>
        [.. input.Plan.Tasks
            .Where(t => summaries.ContainsKey(t.Number) && tasks[t.Number].Lead is not null)
            .SelectMany(t => t.Deadlines.Where(d => d.Date <= input.Quarter.LastDay).Select(d => (Task: t, Deadline: d)))
            .Select(x =>
            {
                Obligation lead = tasks[x.Task.Number].Lead!;
                DeadlineState state = lead.State != ObligationState.Submitted ? DeadlineState.NotReported
                    : lead.Figures?.Status == ReportedFigures.Done ? DeadlineState.Met
                    : DeadlineState.NotMet;
                return new DeadlineSummary(x.Task.Number, x.Task.Title, x.Deadline.Date, x.Deadline.Text, state);
            })
            .OrderBy(d => d.Date)
            .ThenBy(d => d.Task)];

    private static CycleSummary WithChange(CycleSummary now, CycleSummary before)
    {
        Dictionary<int, TaskSummary> previous = before.Tasks.ToDictionary(t => t.Number);
        SectionSummary[] sections = [.. now.Sections.Select(s => s with
        {
            Tasks = [.. s.Tasks.Select(t => previous.TryGetValue(t.Number, out TaskSummary? p)
                ? t with { Indicators = [.. t.Indicators.Select(i => i with { PreviousValue = p.Indicators.FirstOrDefault(x => x.Name == i.Name)?.Value })] }
                : t)],
        })];
        TaskChange[] changes = [.. now.Tasks.Where(t => previous.ContainsKey(t.Number)).Select(t => new TaskChange(t.Number, t.Title, previous[t.Number].Status, t.Status))];
        return now with
        {
            Sections = sections,
            Change = new QuarterChange(before.Quarter, before.Overview.SubmissionRate, now.Overview.SubmissionRate, before.LateUnits.Count, now.LateUnits.Count, changes),
        };
    }

    private int DaysLate(Obligation o)
    {
        if (o.State == ObligationState.Submitted)
        {
            return o.Late && o.SubmittedAt is DateTimeOffset at ? Math.Max(1, WorkingDays(o.Due, input.DayOf(at))) : 0;
        }

        return input.AsOf > o.Due ? WorkingDays(o.Due, input.AsOf) : 0;
    }

    private int WorkingDays(DateOnly from, DateOnly to)
    {
        if (!spans.TryGetValue((from, to), out int days))
        {
            days = spans[(from, to)] = input.Calendar.WorkingDaysBetween(from, to);
        }

        return days;
    }

    private string AccountabilityReason(UnitTally unit)
    {
        var reasons = new List<string>();
        if (unit.Overdue > 0)
        {
            reasons.Add($"{unit.Overdue}项任务未报送");
        }

        if (unit.Level >= input.LastLevel)
        {
            reasons.Add($"经第{unit.Level}级（最高级）督办");
        }

        return string.Join("，", reasons);
    }

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
    }

    private sealed class UnitTally
    {
        public int Obligations { get; set; }

        public int Missing { get; set; }

        /// <summary>Missing and due: what accountability counts (a preview before the due day has none).</summary>
        public int Overdue { get; set; }

        public int Late { get; set; }

        public bool Behind { get; set; }

        public int DaysLate { get; set; }

        public int Level { get; set; }

        public List<int> LeadTasks { get; } = [];
    }
}
