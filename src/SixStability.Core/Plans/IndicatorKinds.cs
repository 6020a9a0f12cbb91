namespace SixStability.Core.Plans;

/// <summary>
/// Reads an indicator's kind from the clause that sets it: a ceiling (压减至…以内, 不超过, 不高于) is
/// <see cref="IndicatorKind.AtMost"/>; a ratio or a level to reach or hold (…%, 稳定在, 保持, 达到, 存栏) is
/// <see cref="IndicatorKind.Level"/> unless the clause counts work done (新增, 完成, 累计…); the rest is
/// <see cref="IndicatorKind.Cumulative"/>.
/// </summary>
public static partial class IndicatorKinds
{
    public static IndicatorKind Classify(string clause, string unit)
    {
        ArgumentNullException.ThrowIfNull(clause);
        if (AtMost().IsMatch(clause))
        {
            return IndicatorKind.AtMost;
        }

        if (unit == "%")
        {
            return IndicatorKind.Level;
        }

        return Level().IsMatch(clause) && !Counted().IsMatch(clause) ? IndicatorKind.Level : IndicatorKind.Cumulative;
    }

    /// <summary>Maps a stored <c>direction</c> (catalogs written before kinds) to the kind its wording says.</summary>
    public static IndicatorKind FromDirection(IndicatorDirection direction, string clause, string unit) =>
        direction == IndicatorDirection.AtMost ? IndicatorKind.AtMost
        : Classify(clause ?? string.Empty, unit ?? string.Empty) is IndicatorKind.Level ? IndicatorKind.Level
        : IndicatorKind.Cumulative;

    [GeneratedRegex("以内|以下|压减至|压缩至|控制在|不超过|不高于|不多于")]
    private static partial Regex AtMost();

    [GeneratedRegex("稳定在|保持|维持|达到|不低于|存栏|覆盖率|比例|比重|占比")]
    private static partial Regex Level();

    [GeneratedRegex("新增|完成|累计|新建|建成|新开工|发放|培训|改造|招引|引进")]
    private static partial Regex Counted();
}
