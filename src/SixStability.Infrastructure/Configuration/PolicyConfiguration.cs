using Microsoft.Extensions.Configuration;
using SixStability.Core.Reports;
using SixStability.Core.Reports.Layout;

namespace SixStability.Infrastructure.Configuration;

/// <summary>
/// The cycle policy and report options a deployment sets: <c>Cycle:CoUnitWorkingDaysBeforeLead</c>,
/// <c>Cycle:Score:*</c> (the score rule), <c>Report:Addressee</c>, <c>Report:DocumentNumber</c>. Each cycle
/// keeps the policy it opened with, so a change applies from the next cycle on.
/// </summary>
public static class PolicyConfiguration
{
    public static CyclePolicy Policy(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        CyclePolicy d = CyclePolicy.Default;
        ScoreRule s = ScoreRule.Default;
        IConfigurationSection score = configuration.GetSection("Cycle:Score");
        int coUnit = configuration.GetValue("Cycle:CoUnitWorkingDaysBeforeLead", d.CoUnitWorkingDaysBeforeLead);
        if (coUnit is < 0 or > 10)
        {
            throw new InvalidOperationException($"Cycle:CoUnitWorkingDaysBeforeLead“{coUnit}”无效：应为 0 到 10 个工作日。");
        }

        return d with
        {
            CoUnitWorkingDaysBeforeLead = coUnit,
            Score = s with
            {
                PerReportOnTime = score.GetValue("PerReportOnTime", s.PerReportOnTime),
                PerWorkingDayLate = score.GetValue("PerWorkingDayLate", s.PerWorkingDayLate),
                PerLevel = score["PerLevel"] is { Length: > 0 } levels ? Levels(levels) : s.PerLevel,
                PerReturn = score.GetValue("PerReturn", s.PerReturn),
                PerIndicatorAhead = score.GetValue("PerIndicatorAhead", s.PerIndicatorAhead),
                PerDeadlineMet = score.GetValue("PerDeadlineMet", s.PerDeadlineMet),
                CommendAtLeast = score.GetValue("CommendAtLeast", s.CommendAtLeast),
                AccountableAtMost = score.GetValue("AccountableAtMost", s.AccountableAtMost),
                Named = score.GetValue("Named", s.Named),
            },
        };
    }

    public static ReportOptions Report(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ReportOptions d = ReportOptions.Default;
        return d with
        {
            Addressee = configuration["Report:Addressee"] is { Length: > 0 } addressee ? addressee : d.Addressee,
            DocumentNumber = configuration["Report:DocumentNumber"] is { Length: > 0 } number ? number : null,
        };
    }

    /// <summary>"-1,-2,-3": the points for 黄, 橙, 红.</summary>
    private static decimal[] Levels(string text) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal d)
            ? d
            : throw new InvalidOperationException($"Cycle:Score:PerLevel“{text}”无效：应为逗号分隔的数值，如 -1,-2,-3。"))];
}
