namespace SixStability.Core.Plans.Review;

/// <summary>
/// The short form Chinese documents use for a unit's name, derived by rule: 人力资源和社会保障 → 人社,
/// 发展和改革委员会 / 发展改革委 → 发改委, 住房和城乡建设 → 住建, 人民政府 → 政府, …委员会 → …委, …办公室 → …办.
/// Two names with the same short form are the same unit written two ways (市人力资源社会保障局 = 市人社局).
/// </summary>
public static partial class UnitAbbreviations
{
    // Longest first: each full form and what plans write for it.
    private static readonly (string Full, string Short)[] Words =
    [
        ("国有资产监督管理委员会", "国资委"),
        ("文化广电新闻出版旅游", "文旅"),
        ("人力资源和社会保障", "人社"),
        ("发展和改革委员会", "发改委"),
        ("发展改革委员会", "发改委"),
        ("卫生健康委员会", "卫健委"),
        ("地方金融监督管理", "金融监管"),
        ("政务服务管理办公室", "政务服务办"),
        ("人力资源社会保障", "人社"),
        ("住房和城乡建设", "住建"),
        ("住房城乡建设", "住建"),
        ("工业和信息化", "工信"),
        ("经济和信息化", "经信"),
        ("市场监督管理", "市场监管"),
        ("金融工作办公室", "金融办"),
        ("扶贫开发办公室", "扶贫办"),
        ("乡村振兴局", "乡村振兴局"),
        ("残疾人联合会", "残联"),
        ("工商业联合会", "工商联"),
        ("文化广电旅游", "文旅"),
        ("文化和旅游", "文旅"),
        ("自然资源和规划", "自然资源规划"),
        ("发展和改革", "发改"),
        ("发展改革委", "发改委"),
        ("发展改革", "发改"),
        ("卫生健康委", "卫健委"),
        ("科学技术", "科技"),
        ("交通运输", "交通"),
        ("医疗保障", "医保"),
        ("人力社保", "人社"),
        ("教育和体育", "教体"),
        ("商务和粮食", "商粮"),
        ("中国人民银行", "人行"),
        ("人民银行", "人行"),
        ("统计调查队", "调查队"),
        ("管理委员会", "管委会"),
        ("人民政府", "政府"),
        ("办公室", "办"),
        ("委员会", "委"),
    ];

    /// <summary>The rule-derived short form, brackets folded (各县〔市、区〕 = 各县（市、区）).</summary>
    public static string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(NameNormalizer.Normalize(name));
        foreach ((string full, string shortForm) in Words)
        {
            sb.Replace(full, shortForm);
        }

        // 和 joins words inside a full name (教育和体育局); what is left of it carries no meaning here.
        return sb.Replace("和", string.Empty).ToString();
    }

    /// <summary>The short form without bracketed parts, for likeness (各县级政府 ~ 各县（市、区）政府).</summary>
    public static string Core(string name) => Bracketed().Replace(Canonical(name), string.Empty);

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Bracketed();
}
