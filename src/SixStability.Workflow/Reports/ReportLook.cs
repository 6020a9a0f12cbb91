namespace SixStability.Workflow.Reports;

/// <summary>
/// The report's look in both renderings, after GB/T 9704: title in 小标宋, headings in 黑体 and 楷体,
/// body in 仿宋, 三号 (16 pt) body text; the same fill colours for the same tones in HTML and Word.
/// </summary>
public static class ReportLook
{
    // Word names the fonts as Chinese Windows and WPS install them; the HTML lists fallbacks for other systems.
    public const string TitleFont = "方正小标宋简体";
    public const string HeadingFont = "黑体";
    public const string SubheadingFont = "楷体";
    public const string BodyFont = "仿宋";
    public const string PageNumberFont = "宋体";

    public const string HtmlTitle = "'方正小标宋简体','FZXiaoBiaoSong-B05S','SimSun','宋体','Songti SC','Noto Serif CJK SC','Noto Serif SC',serif";
    public const string HtmlHeading = "'黑体','SimHei','Heiti SC','Noto Sans CJK SC','Noto Sans SC',sans-serif";
    public const string HtmlSubheading = "'楷体','KaiTi','楷体_GB2312','STKaiti','Kaiti SC','Noto Serif CJK SC',serif";
    public const string HtmlBody = "'仿宋','FangSong','仿宋_GB2312','STFangsong','Noto Serif CJK SC','Noto Serif SC',serif";
    public const string HtmlChart = "'Microsoft YaHei','PingFang SC','Noto Sans CJK SC','Noto Sans SC',sans-serif";

    /// <summary>Cell fill for a tone, RGB hex without #; null for none.</summary>
    public static string? Fill(Tone tone) => tone switch
    {
        Tone.Green => "C8E6C9",
        Tone.Amber => "FFF3B0",
        Tone.Orange => "FFD8A8",
        Tone.Red => "FFCDD2",
        Tone.Grey => "EEEEEE",
        _ => null,
    };

    public const string HeaderFill = "E8E8E8";
    public const string GroupFill = "F2F2F2";
}
