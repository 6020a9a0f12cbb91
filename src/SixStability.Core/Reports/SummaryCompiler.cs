using SixStability.Core.Cycles;
using SixStability.Core.Submissions;

namespace SixStability.Core.Reports;

public sealed partial class SummaryCompiler(SummaryInput input)
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
}
