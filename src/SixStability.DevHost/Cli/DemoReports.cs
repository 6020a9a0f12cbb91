namespace SixStability.DevHost.Cli;

/// <summary>
/// What the demo's units write: a few sentences each, varied by a seed, with plausible figures (whole
/// numbers for things counted and for days, a level close to its target, a ceiling kept), so the report reads like one.
/// </summary>
internal static class DemoReports
{
    private static readonly string[] Counted = ["个", "条", "处", "块", "辆", "户", "套", "座", "项", "头", "人", "家", "所", "场", "台", "亩", "吨"];

    private static readonly string[] Actions =
    [
        "召开专题调度会{0}次，逐项梳理任务清单，明确责任人和完成时限",
        "深入企业和项目现场开展调研{0}次，协调解决实际问题{1}个",
        "制定工作方案并分解任务{1}项，建立周调度、月通报机制",
        "组织政策宣讲{0}场，覆盖企业和群众{1}00余人次",
        "开展专项督查{0}轮，发现并整改问题{1}个",
    ];

    private static readonly string[] Results =
    [
        "各项工作总体按计划推进。",
        "阶段性目标基本实现，群众和企业反映良好。",
        "重点事项取得明显进展，为完成全年目标打下基础。",
        "相关政策已落地见效，资金按进度拨付到位。",
    ];

    private static readonly string[] Difficulties =
    [
        "部分项目资金到位偏慢，影响施工进度。",
        "受汛期降雨影响，部分工程有效施工时间不足。",
        "基层工作力量不足，业务培训有待加强。",
        "个别企业对政策了解不够，申报积极性不高。",
        "用地、环评等要素保障仍需协调。",
    ];

    private static readonly string[] NextSteps =
    [
        "加快资金拨付和项目建设进度，确保完成全年目标任务。",
        "加强调度和督查，对滞后事项挂图作战、销号管理。",
        "加大政策宣传力度，推动政策应享尽享。",
        "做好四季度冬季施工安排，抓紧推进收尾工作。",
        "完善长效机制，巩固提升已取得的成效。",
    ];

    public static string Narrative(string unit, string task, bool lead, int seed)
    {
        string action = string.Format(CultureInfo.InvariantCulture, Actions[seed % Actions.Length], 2 + (seed % 5), 3 + (seed % 11));
        string opening = lead
            ? $"本季度会同各责任单位推进“{task}”，{action}。"
            : $"围绕“{task}”，{unit}{action}。";
        string second = lead ? $"经汇总，各责任单位已报送季度进展，{Results[seed % Results.Length]}" : Results[(seed / 7) % Results.Length];
        return opening + second;
    }

    public static string Difficulty(int seed) => Difficulties[(seed / 3) % Difficulties.Length];

    public static string NextStep(int seed) => NextSteps[(seed / 5) % NextSteps.Length];

    /// <summary>A value a lead unit would report at the end of the third quarter, by the indicator's kind.</summary>
    public static decimal Value(decimal target, string unit, string kind, int seed)
    {
        decimal value = kind switch
        {
            "atMost" => target * (0.78m + (seed % 10 / 100m)),
            "level" => seed % 7 == 3 ? target * 0.96m : target * (1m + (seed % 4 / 100m)),
            _ => target * (0.66m + (seed % 24 / 100m)),
        };
        return Counted.Contains(unit) || unit.EndsWith('日') || unit.EndsWith('天') ? Math.Round(value, 0, MidpointRounding.AwayFromZero)
            : unit is "%" ? Math.Round(value, 1, MidpointRounding.AwayFromZero)
            : Math.Round(value, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The lead unit's answer on a deadline: mostly met, now and then missed with its reason.</summary>
    public static Dictionary<string, string> Deadline(string date, int seed) => seed % 4 == 1
        ? new() { ["date"] = date, ["answer"] = "未按期完成", ["reason"] = "受疫情影响部分项目开工推迟，现已完成90%，预计10月底前全部完成" }
        : new() { ["date"] = date, ["answer"] = "已按期完成" };
}
