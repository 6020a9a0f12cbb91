namespace SixStability.Workflow.Cycles;

/// <summary>Which of a cycle's units the board shows: one page, optionally only those late or owing, or whose name holds a text.</summary>
/// <param name="Page">1 for the first page; past the last page, the last page.</param>
/// <param name="Late">Only units that still owe something or reported late (只看逾期或未报送).</param>
/// <param name="Name">Only units whose name contains this text.</param>
public sealed record UnitPageAsk(int Page = 1, int Size = UnitPageAsk.DefaultSize, bool Late = false, string? Name = null)
{
    public const int DefaultSize = 100;
    public const int MaxSize = 500;
    public const int MaxName = 100;

    /// <summary>The query of <c>GET /api/cycles/{cycleId}</c> (<c>page</c>, <c>size</c>, <c>late</c>, <c>name</c>; each may be left out), or what is wrong with it.</summary>
    public static Outcome<UnitPageAsk> Parse(string? page, string? size, string? late, string? name)
    {
        var errors = new List<FieldError>();
        int pageNumber = 1, pageSize = DefaultSize;
        bool lateOnly = false;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber < 1))
        {
            errors.Add(new FieldError("page", "应为从 1 开始的页码。"));
        }

        if (!string.IsNullOrEmpty(size) && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxSize))
        {
            errors.Add(new FieldError("size", $"应为 1–{MaxSize} 的每页单位数。"));
        }

        switch (late)
        {
            case null or "" or "false" or "0":
                break;
            case "true" or "1":
                lateOnly = true;
                break;
            default:
                errors.Add(new FieldError("late", "应为 true 或 false。"));
                break;
        }

        string? text = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        if (text is { Length: > MaxName })
        {
            errors.Add(new FieldError("name", $"单位名称筛选不能超过 {MaxName} 个字符。"));
        }

        return errors.Count > 0
            ? new RuleViolation("分页或筛选参数有误。", [.. errors])
            : new UnitPageAsk(pageNumber, pageSize, lateOnly, text);
    }
}
