using static SixStability.Core.Reports.SummaryText;

namespace SixStability.Core.Reports.Layout;

// 三、存在的主要问题 and 四、下一步工作打算: what the units said, section by section.
public static partial class ReportLayout
{
    private static List<ReportBlock> Problems(CycleSummary s)
    {
        var items = new List<ReportBlock>();
        int n = 0;
        string Lead(string title) => $"（{ChineseNumerals.Format(++n)}）{title}";

        int late = s.LateUnits.Count(u => u.LateTasks > 0);
        int missing = s.LateUnits.Count(u => u.MissingTasks > 0);
        if (late + missing > 0)
        {
            int red = s.LateUnits.Count(u => u.HighestLevel >= 3);
            items.Add(new ParagraphBlock(
                $"{(late > 0 ? $"{late}个单位逾期报送" : string.Empty)}{(late > 0 && missing > 0 ? "，" : string.Empty)}{(missing > 0 ? $"{missing}个单位{(s.Final ? "至周期关闭" : "截至目前")}仍有任务未报送" : string.Empty)}{(red > 0 ? $"，其中{red}个单位经三级（红色）督办" : string.Empty)}，具体见第五部分。",
                Lead("部分单位报送不及时。")));
        }

        List<TaskSummary> behind = [.. s.Tasks.Where(t => t.Indicators.Any(i => i.OnTrack == false))];
        if (behind.Count > 0)
        {
            items.Add(new ParagraphBlock(
                $"{string.Join("；", behind.Select(t => $"{TaskLabel(t.Number, t.Title)}：{string.Join("，", t.Indicators.Where(i => i.OnTrack == false).Select(Brief))}"))}。",
                Lead("部分指标进度滞后。")));
        }

        List<DeadlineSummary> missed = [.. s.Deadlines.Where(d => d.State is DeadlineState.NotMet or DeadlineState.NotReported)];
        if (missed.Count > 0)
        {
            items.Add(new ParagraphBlock(
                $"{string.Join("；", missed.Select(d => $"任务{TaskLabel(d.Task, d.TaskTitle)}{Date(d.Date)}节点{Deadline(d.State)}{(d.Note is { } note ? $"（原因：{Sentences.Inline(note)}）" : string.Empty)}"))}。",
                Lead("部分节点任务未按期完成。")));
        }

        List<ReportBlock> reported = [.. BySection(s, a => a.Problems, "反映")];
        if (reported.Count > 0)
        {
            items.Add(new ParagraphBlock("各单位报送中反映的困难和问题，按方案任务领域归纳如下。", Lead("各单位反映的主要困难。")));
            items.AddRange(reported);
        }

        return items.Count > 0 ? items : [new ParagraphBlock("本季度各单位均按时报送，指标和节点任务按进度推进，未反映突出困难和问题。")];
    }

    private static IEnumerable<ReportBlock> NextSteps(CycleSummary s)
    {
        int n = 0;
        string Lead(string title) => $"（{ChineseNumerals.Format(++n)}）{title}";
        int late = s.LateUnits.Count;
        int behind = s.Tasks.Sum(t => t.Indicators.Count(i => i.OnTrack == false));
        int missed = s.Deadlines.Count(d => d.State is DeadlineState.NotMet or DeadlineState.NotReported);
        var follow = new List<string>();
        if (late > 0)
        {
            follow.Add($"对逾期报送和未报送的{late}个单位，会同市政府督查室跟踪督促，限期补报并说明情况");
        }

        if (behind + missed > 0)
        {
            follow.Add($"对{(behind > 0 ? $"{behind}项滞后指标" : string.Empty)}{(behind > 0 && missed > 0 ? "和" : string.Empty)}{(missed > 0 ? $"{missed}个未按期完成的节点任务" : string.Empty)}，督促牵头单位制定追赶措施，在下季度报告中专项说明进展");
        }

        if (follow.Count > 0)
        {
            yield return new ParagraphBlock($"{string.Join("；", follow)}。", Lead("督促整改落实。"));
        }

        List<ReportBlock> plans = [.. BySection(s, a => a.NextSteps, "计划")];
        if (plans.Count > 0)
        {
            yield return new ParagraphBlock("各单位报送的下一步工作安排，按方案任务领域归纳如下。", Lead("各单位工作安排。"));
            foreach (ReportBlock p in plans)
            {
                yield return p;
            }
        }

        yield return new ParagraphBlock("继续实行按季度调度，对落实有力、成效显著的单位按规定予以激励，对落实缓慢、效果不好的单位依法依规提请问责，确保方案确定的全年目标任务如期完成。", Lead("加强统筹调度。"));
    }

    /// <summary>
    /// One paragraph per plan section, each unit once with what it said on any of the section's tasks (the
    /// same words said twice kept once): 保居民就业方面：市人社局反映，…；…。市教育局反映，….
    /// </summary>
    private static IEnumerable<ReportBlock> BySection(CycleSummary s, Func<UnitAccount, string?> pick, string verb)
    {
        foreach (SectionSummary section in s.Sections)
        {
            List<string> said = [.. section.Tasks
                .SelectMany(t => t.Accounts ?? [])
                .Where(a => !string.IsNullOrWhiteSpace(pick(a)))
                .GroupBy(a => a.Unit, StringComparer.Ordinal)
                .Select(g => $"{g.Key}{verb}，{string.Join("；", g.Select(a => Sentences.Inline(pick(a)!)).Distinct(StringComparer.Ordinal))}。")];
            if (said.Count > 0)
            {
                yield return new ParagraphBlock(string.Concat(said), $"{section.Title}方面：");
            }
        }
    }
}
