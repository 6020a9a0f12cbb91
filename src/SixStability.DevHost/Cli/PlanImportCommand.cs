using SixStability.Core.Plans;
using SixStability.Core.Plans.Review;
using SixStability.Core.Rules;
using SixStability.Core.Text;
using SixStability.Core.Units;

namespace SixStability.DevHost.Cli;

/// <summary>
/// <c>plan import FILE [--id ID] [--json] [--directory FILE]</c>: reads a plan file (text in UTF-8 or GB18030,
/// or .docx; .doc, .wps and PDF are refused) and prints its catalog; needs no storage. Warnings, the items
/// set aside as not tasks and, with a directory, the names it does not know go to stderr.
/// </summary>
internal static class PlanImportCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        string? id = Option(args, "--id");
        string? directoryFile = Option(args, "--directory");
        string? file = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] is not ("--id" or "--directory"))).FirstOrDefault();
        bool json = args.Contains("--json");
        if (file is null)
        {
            stderr.WriteLine("用法：plan import 文件 [--id 方案编号] [--json] [--directory 单位名录.json]");
            return 2;
        }

        if (!File.Exists(file))
        {
            stderr.WriteLine($"找不到文件：{file}");
            return 1;
        }

        UnitDirectory? directory = null;
        if (directoryFile is not null)
        {
            (directory, IReadOnlyList<FieldError> errors) = File.Exists(directoryFile)
                ? UnitDirectoryReader.Parse(File.ReadAllText(directoryFile))
                : (null, [new FieldError("$", $"找不到文件：{directoryFile}")]);
            if (directory is null)
            {
                stderr.WriteLine($"无法读取单位名录：{string.Join("；", errors.Select(e => $"{e.Field} {e.Message}"))}");
                return 1;
            }
        }

        string planId = id ?? PlanIds.FromFileName(file);
        PlanResult<PlanDraft> draft = PlanDraft.Import(planId, File.ReadAllBytes(file), Path.GetFileName(file), null, directory);
        if (draft.IsRefused)
        {
            stderr.WriteLine($"无法导入方案：{draft.Refusal.Message}");
            return 1;
        }

        PlanDraft plan = draft.Value;
        if (!plan.Tasks.Any())
        {
            stderr.WriteLine($"无法导入方案：未识别到任何任务：{plan.Items.Count} 项编号内容都未写责任单位。");
            return 1;
        }

        foreach (PlanWarning warning in plan.Warnings)
        {
            stderr.WriteLine($"警告：{warning}");
        }

        foreach (PlanItem item in plan.NotTasks)
        {
            stderr.WriteLine($"未列为任务：{item.Location} {item.Label}{item.Title}（未写责任单位）");
        }

        if (directory is not null)
        {
            foreach (UnitResolution unknown in plan.Unknown)
            {
                string suggestions = unknown.Suggestions is { Count: > 0 } s ? "，可能是：" + string.Join("、", s.Select(x => $"{x.Name}（{x.Reason}）")) : string.Empty;
                stderr.WriteLine($"名录中没有：{unknown.Name}{suggestions}");
            }
        }

        PlanCatalog catalog = plan.Catalog;
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(catalog, Json.Indented));
            return 0;
        }

        stdout.WriteLine($"{catalog.Title}（{catalog.Issued:yyyy-MM-dd}，方案编号 {catalog.PlanId}）");
        foreach (PlanSection section in catalog.Sections)
        {
            stdout.WriteLine($"{ChineseNumerals.Format(section.Number)}、{section.Title}");
            foreach (PlanTask task in section.Tasks)
            {
                string label = task.Label ?? $"（{ChineseNumerals.Format(task.Number)}）";
                string partners = task.PartnerUnits.Any() ? $"，配合：{string.Join("、", task.PartnerUnits)}" : string.Empty;
                stdout.WriteLine($"  [{task.Number}] {label}{task.Title}　牵头：{string.Join("、", task.LeadUnits)}{partners}；{task.Indicators.Count} 项指标，{task.Deadlines.Count} 个时限");
            }
        }

        return 0;
    }

    internal static string? Option(IReadOnlyList<string> args, string name)
    {
        int i = args.ToList().IndexOf(name);
        return i >= 0 && i + 1 < args.Count ? args[i + 1] : null;
    }
}
