namespace SixStability.Core.Units.Workbook;

/// <summary>
/// The directory workbook's sheets and columns, in the words a coordinator uses. One row per unit (as the
/// 市发改委 keeps it: 名称, 简称, 类别, 邮箱, 联系人, 电话, 分管市领导), one per leader, one per group, and the offices
/// the cycle speaks to. Lists in a cell are separated by ； or line breaks — not 、, which names themselves
/// contain (各县（市、区）人民政府).
/// </summary>
internal static class DirectorySheets
{
    public const string Units = "单位";
    public const string Leaders = "市领导";
    public const string Groups = "单位组";
    public const string Offices = "联系单位";

    public static readonly string[] UnitColumns = ["编码", "名称", "简称", "类别", "邮箱", "联系人", "电话", "分管市领导", "其他写法", "群机器人"];
    public static readonly string[] LeaderColumns = ["编码", "姓名", "职务", "邮箱", "群机器人"];
    public static readonly string[] GroupColumns = ["名称", "成员单位", "其他写法"];
    public static readonly string[] OfficeColumns = ["角色", "名称", "邮箱", "联系人", "电话", "群机器人"];

    public const string CoordinatorRole = "协调单位";
    public const string SupervisionRole = "督查室";
    public const string RecipientRole = "汇总收件人";

    /// <summary>Kinds as the city groups its units (县市区政府, 园区管委会, 市直部门).</summary>
    public static string KindName(UnitKind kind) => kind switch
    {
        UnitKind.CountyGovernment => "县市区政府",
        UnitKind.ParkCommittee => "园区管委会",
        _ => "市直部门",
    };

    public static UnitKind? KindOf(string text) => text.Trim() switch
    {
        "县市区政府" or "县（市、区）政府" or "县(市、区)政府" or "县区政府" or "countyGovernment" => UnitKind.CountyGovernment,
        "园区管委会" or "园区" or "parkCommittee" => UnitKind.ParkCommittee,
        "市直部门" or "部门" or "市直单位" or "department" => UnitKind.Department,
        _ => null,
    };

    public static string List(IEnumerable<string>? items) => string.Join("；", items ?? []);

    public static IReadOnlyList<string>? ListOf(string text)
    {
        string[] items = text.Split([';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return items.Length == 0 ? null : items;
    }
}
