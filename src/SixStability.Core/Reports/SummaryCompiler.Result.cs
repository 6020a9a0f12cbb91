using SixStability.Core.Cycles;
using SixStability.Core.Submissions;

namespace SixStability.Core.Reports;

// From the running tallies to the summary: overview, sections, deadlines, standings and the change from last quarter.
public sealed partial class SummaryCompiler
{
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
}
