using System.Text.Json;
using SixStability.Core.Plans;
using SixStability.Core.Text;

namespace SixStability.DevHost.Cli;

/// <summary><c>plan import FILE [--id ID] [--json]</c>: prints the catalog; needs no storage.</summary>
internal static class PlanImportCommand
{
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        string? file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        bool json = args.Contains("--json");
        string? id = Option(args, "--id");
        if (file is null)
        {
            stderr.WriteLine("用法：plan import 文件 [--id 方案编号] [--json]");
            return 2;
        }

        if (!File.Exists(file))
        {
            stderr.WriteLine($"找不到文件：{file}");
            return 1;
        }

        PlanImportResult result;
        try
        {
            result = PlanImporter.Import(id ?? PlanIds.FromFileName(file), ReadUtf8(file));
        }
        catch (PlanFormatException ex)
        {
            stderr.WriteLine($"无法导入方案：{ex.Message}");
            return 1;
        }

        foreach (PlanWarning warning in result.Warnings)
        {
            stderr.WriteLine($"警告：{warning}");
        }

        PlanCatalog plan = result.Catalog;
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(plan, Json.Indented));
            return 0;
        }

        stdout.WriteLine($"{plan.Title}（{plan.Issued:yyyy-MM-dd}，方案编号 {plan.PlanId}）");
        foreach (PlanSection section in plan.Sections)
        {
            stdout.WriteLine($"{ChineseNumerals.Format(section.Number)}、{section.Title}");
            foreach (PlanTask task in section.Tasks)
            {
                stdout.WriteLine($"  （{ChineseNumerals.Format(task.Number)}）{task.Title}　牵头：{task.LeadUnit}，共 {task.Units.Count} 个责任单位，{task.Indicators.Count} 项指标，{task.Deadlines.Count} 个时限");
            }
        }

        return 0;
    }

    internal static string? Option(IReadOnlyList<string> args, string name)
    {
        int i = args.ToList().IndexOf(name);
        return i >= 0 && i + 1 < args.Count ? args[i + 1] : null;
    }

    private static string ReadUtf8(string file)
    {
        try
        {
            return File.ReadAllText(file, new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true));
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            throw new PlanFormatException("文件不是 UTF-8 编码（如为 GBK，请先另存为 UTF-8）。", ex);
        }
    }
}
