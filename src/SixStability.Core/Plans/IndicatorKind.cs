namespace SixStability.Core.Plans;

/// <summary>How a target is compared with what a unit reports.</summary>
public enum IndicatorKind
{
    /// <summary>A quantity built up over the year (完成2万户改造, 新增就业1.2万人): judged by quarterly pace.</summary>
    Cumulative,

    /// <summary>A level or ratio to reach or hold (报销比例达到90%, 森林覆盖率稳定在66%以上): compared directly.</summary>
    Level,

    /// <summary>A ceiling (压减至60个工作日以内, 不超过, 不高于): met or not at any time.</summary>
    AtMost,
}
