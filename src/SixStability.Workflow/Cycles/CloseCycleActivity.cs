using System.Globalization;
using System.Text;
using Microsoft.DurableTask;
using SixStability.Core.Cycles;
using SixStability.Core.Notifications;
using SixStability.Core.Plans;
using SixStability.Core.Text;
using SixStability.Workflow.Notifications;
using SixStability.Workflow.Ports;

namespace SixStability.Workflow.Cycles;

/// <summary>
/// Closes the cycle (no submission is accepted after) and sends the municipal government a plain
/// zh-CN summary: who reported on each task, who is late, who reached the last escalation level.
/// </summary>
public sealed class CloseCycleActivity(CycleContextLoader loader, ICycleStore cycles, IObligationStore obligations, Notifier notifier, TimeProvider clock)
    : TaskActivity<string, CycleResult>
{
    public override async Task<CycleResult> RunAsync(TaskActivityContext context, string input)
    {
        CycleContext cycle = await loader.LoadAsync(input, CancellationToken.None).ConfigureAwait(false);
        if (cycle.Record.Status == CycleStatus.Open)
        {
            await cycles.SetStatusAsync(input, CycleStatus.Closed, clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        }

        List<Obligation> all = await obligations.ListAllAsync(input, null, CancellationToken.None).ConfigureAwait(false);

        CycleCounts counts = CycleCounts.Of(all);
        var recipients = cycle.Directory.SummaryRecipients.Append(cycle.Directory.Coordinator).ToList();
        await notifier.SendAsync(Notices.Summary(cycle.Facts, "summary", recipients, Overview(cycle, all, counts), []), CancellationToken.None).ConfigureAwait(false);
        return new CycleResult("closed", counts);
    }

    /// <summary>The plain-text summary until the full report (HTML and .docx) is rendered.</summary>
    private static MailValue Overview(CycleContext cycle, List<Obligation> all, CycleCounts counts)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"本季度共{cycle.Plan.Tasks.Count()}项任务、{counts.Obligations}项报送义务，已报送{counts.Submitted}项（其中逾期报送{counts.Late}项），未报送{counts.Owed}项。\n");
        foreach (PlanSection section in cycle.Plan.Sections)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{ChineseNumerals.Format(section.Number)}、{section.Title}\n");
            foreach (PlanTask task in section.Tasks)
            {
                var mine = all.Where(o => o.TaskNumber == task.Number).ToList();
                string missing = string.Join("、", mine.Where(o => o.IsOwed).Select(o => cycle.Unit(o.UnitId).Name));
                text.Append(CultureInfo.InvariantCulture, $"（{ChineseNumerals.Format(task.Number)}）{task.Title}：{mine.Count(o => !o.IsOwed)}/{mine.Count}个单位已报送{(missing.Length > 0 ? $"；未报送：{missing}" : string.Empty)}\n");
            }
        }

        string accountable = string.Join("、", all.Where(o => o.IsOwed && StepDecisions.IsLastLevel(o.EscalationLevel, cycle.Record.Policy)).Select(o => cycle.Unit(o.UnitId).Name).Distinct());
        text.Append(CultureInfo.InvariantCulture, $"\n问责候选（经最后一级督办仍未报送）：{(accountable.Length > 0 ? accountable : "无")}");
        string plain = text.ToString();
        return new MailValue(plain, "<pre style=\"font-family:inherit;white-space:pre-wrap\">" + System.Net.WebUtility.HtmlEncode(plain) + "</pre>");
    }
}
