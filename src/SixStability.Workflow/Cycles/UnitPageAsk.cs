using SixStability.Core.Cycles.Board;

namespace SixStability.Workflow.Cycles;

/// <summary>Which of a cycle's units the board shows, in which order: one page of those the filter keeps.</summary>
/// <param name="Page">1 for the first page; past the last page, the last page.</param>
/// <param name="Late">Only units that still owe something or reported late (只看逾期或未报送).</param>
/// <param name="Name">Only units whose name contains this text.</param>
/// <param name="State">Only units with a task in this state (未报送, 草稿, 已报送, 已审核).</param>
/// <param name="Level">Only units whose highest escalation level is this (0: none).</param>
/// <param name="Kind">Only units of this kind (类别).</param>
/// <param name="Role">Only units that lead (牵头) or co-operate on (配合) a task; the column counts then count those tasks.</param>
/// <param name="Sort">The order within each group.</param>
public sealed record UnitPageAsk(
    int Page = 1,
    int Size = UnitPageAsk.DefaultSize,
    bool Late = false,
    string? Name = null,
    BoardState? State = null,
    int? Level = null,
    UnitKind? Kind = null,
    TaskRole? Role = null,
    BoardSort Sort = BoardSort.Name)
{
    public const int DefaultSize = 100;
    public const int MaxSize = 500;
    public const int MaxName = 100;
    public const int MaxLevel = 9;

    /// <summary>What the board's filter keeps.</summary>
    public BoardFilter Filter => new(Late, Name, State, Level, Kind, Role);

    /// <summary>
    /// The query of <c>GET /api/cycles/{cycleId}</c> (<c>page</c>, <c>size</c>, <c>late</c>, <c>name</c>, <c>state</c>,
    /// <c>level</c>, <c>group</c>, <c>role</c>, <c>sort</c>; each may be left out), or what is wrong with it.
    /// </summary>
    public static Outcome<UnitPageAsk> Parse(string? page, string? size, string? late, string? name, string? state = null, string? level = null, string? group = null, string? role = null, string? sort = null)
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

        int? levelShown = null;
        if (!string.IsNullOrEmpty(level))
        {
            if (int.TryParse(level, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value <= MaxLevel)
            {
                levelShown = value;
            }
            else
            {
                errors.Add(new FieldError("level", $"应为 0–{MaxLevel} 的督办级别（0 为未督办）。"));
            }
        }

        BoardState? stateShown = Choice(state, "state", States, "应为 outstanding（未报送）、draft（草稿）、submitted（已报送）或 accepted（已审核）。", errors);
        UnitKind? kind = Choice(group, "group", Kinds, "应为 countyGovernment（县市区政府）、parkCommittee（园区管委会）或 department（市直部门）。", errors);
        TaskRole? taskRole = Choice(role, "role", Roles, "应为 lead（牵头）或 co（配合）。", errors);
        BoardSort order = Choice(sort, "sort", Sorts, "应为 name（按名称）、owed（按未报送数）或 level（按督办级别）。", errors) ?? BoardSort.Name;

        return errors.Count > 0
            ? new RuleViolation("分页或筛选参数有误。", [.. errors])
            : new UnitPageAsk(pageNumber, pageSize, lateOnly, text, stateShown, levelShown, kind, taskRole, order);
    }

    private static readonly Dictionary<string, BoardState> States = new(StringComparer.Ordinal)
    {
        ["outstanding"] = BoardState.Outstanding,
        ["draft"] = BoardState.Draft,
        ["submitted"] = BoardState.Submitted,
        ["accepted"] = BoardState.Accepted,
    };

    // The directory's own words for the kinds (directory.json's "kind").
    private static readonly Dictionary<string, UnitKind> Kinds = new(StringComparer.Ordinal)
    {
        ["countyGovernment"] = UnitKind.CountyGovernment,
        ["parkCommittee"] = UnitKind.ParkCommittee,
        ["department"] = UnitKind.Department,
    };

    private static readonly Dictionary<string, TaskRole> Roles = new(StringComparer.Ordinal) { ["lead"] = TaskRole.Lead, ["co"] = TaskRole.Co };

    private static readonly Dictionary<string, BoardSort> Sorts = new(StringComparer.Ordinal) { ["name"] = BoardSort.Name, ["owed"] = BoardSort.Owed, ["level"] = BoardSort.Level };

    /// <summary>One of a few words, or null when left out; a word not among them is an error naming the field.</summary>
    private static T? Choice<T>(string? text, string field, Dictionary<string, T> words, string message, List<FieldError> errors)
        where T : struct
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (words.TryGetValue(text, out T value))
        {
            return value;
        }

        errors.Add(new FieldError(field, message));
        return null;
    }
}
