using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Core.Text;
using SixStability.Infrastructure.Calendar;

namespace SixStability.DevHost.Cli;

/// <summary><c>schedule --quarter 2020Q3 [--json]</c>: a cycle's timeline under the default policy.</summary>
internal static class ScheduleCommand
{
    public static int Run(IReadOnlyList<string> args, string? holidaysPath, TextWriter stdout, TextWriter stderr)
    {
        string? text = PlanImportCommand.Option(args, "--quarter");
        if (text is null)
        {
            stderr.WriteLine("用法：schedule --quarter 2020Q3 [--json]");
            return 2;
        }

        CycleSchedule schedule;
        try
        {
            schedule = CycleScheduler.Plan(Quarter.Parse(text), CyclePolicy.Default, HolidayFolder.Load(holidaysPath));
        }
        catch (Exception ex) when (ex is FormatException or CalendarYearMissingException)
        {
            stderr.WriteLine(ex.Message);
            return 1;
        }

        if (args.Contains("--json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(schedule, Json.Indented));
            return 0;
        }

        stdout.WriteLine($"{schedule.Quarter.ChineseName}报送周期（默认策略，按中国工作日计算）");
        foreach (ScheduleStep step in schedule.Steps)
        {
            stdout.WriteLine($"  {step.At:yyyy-MM-dd HH:mm} 周{"日一二三四五六"[(int)step.At.DayOfWeek]}  {Describe(step)}");
        }

        return 0;
    }

    internal static string Describe(ScheduleStep step) => step.Kind switch
    {
        StepKind.Open => "开启周期，通知各责任单位",
        StepKind.Reminder => "提醒尚未报送的单位",
        StepKind.Due => "报送截止",
        StepKind.Escalation => $"{step.Level}级督办（{EscalationColour(step.Level ?? 0)}）",
        StepKind.Close => "关闭周期，汇总报市政府",
        _ => step.Kind.ToString(),
    };

    private static string EscalationColour(int level) => level switch
    {
        1 => "黄",
        2 => "橙",
        _ => "红",
    };
}
