namespace SixStability.Core.Plans;

/// <summary>
/// Finds quantitative targets in a task's measures: a number with a counting unit in a clause that
/// sets a goal (新增停车位1100个, 全年粮食播面稳定在143万亩, 力争全年实现直接融资超120亿元).
/// Policy parameters are not targets and are skipped: rates and limits (按16%的比例缴纳, 不超过1%,
/// 不高于…80%), refunds (返还…50%), per-person quotas (每人挂点1个), thresholds (低于5万元).
/// Each target's kind (cumulative, level, at most) is read from its clause (<see cref="IndicatorKinds"/>).
/// </summary>
internal static partial class IndicatorReader
{
    public static IReadOnlyList<Indicator> Read(string text)
    {
        var indicators = new List<Indicator>();
        foreach (string clause in Clauses().Split(text))
        {
            string name = clause.Trim();
            if (name.Length == 0 || PolicyMarkers().IsMatch(name))
            {
                continue;
            }

            foreach (Match m in Quantity().Matches(name))
            {
                decimal value = decimal.Parse(m.Groups["num"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                string magnitude = m.Groups["mag"].Value;
                string unit = m.Groups["unit"].Value;
                if (unit == "元")
                {
                    // 亿元 / 万元 are how budgets are read; keep them as the unit.
                    unit = magnitude + unit;
                }
                else
                {
                    value *= magnitude switch
                    {
                        "万" => 10_000m,
                        "亿" => 100_000_000m,
                        _ => 1m,
                    };
                }

                value /= 1.000000000000000000000000000000000m; // 1.8万 → 18000, not 18000.0
                indicators.Add(new Indicator(name, value, unit, IndicatorKinds.Classify(name, unit)));
            }
        }

        return indicators;
    }

    [GeneratedRegex(@"[。；;，,：:！!？?\n]")]
    private static partial Regex Clauses();

    // A number not glued to a preceding digit, letter or dot (PM2.5, 5G, 3+1+X are not targets),
    // an optional 万/亿, then a counting unit. 个 must not start 个月 (a duration).
    [GeneratedRegex(@"(?<![\d.A-Za-z+])(?<num>\d+(?:\.\d+)?)(?<mag>万|亿)?(?<unit>%|个工作日|个(?!月)|户|亩|吨|头|套|辆|条|处|块|座|家|项|人次|人|元|平方米|公里|千米|张|台|间|栋|名)")]
    private static partial Regex Quantity();

    // 按 as in 按16%的比例 / 按规定, but not 按时完成.
    [GeneratedRegex("按(?!时)|返还|不超过|不高于|最长|期限|每|低于")]
    private static partial Regex PolicyMarkers();
}
