namespace SixStability.Infrastructure.Cycles;

/// <summary>
/// How marks and tallies are written in table <c>tallies</c>: short text, so a unit's row and a shard of 200 units stay
/// small. A mark is <c>task,state,late,level,yyyyMMdd,revision</c> (marks joined by <c>;</c>; state <c>A</c> is a
/// submission accepted, 已审核); a tally is <c>obligations,owed,submitted,late,level1,level2,level3,level,due+due…,accepted</c>
/// (rows written before acceptance existed end at the due days and read as none accepted), then <c>|</c> and each task's
/// board state (<c>1S2D5O</c>: task number and O/D/S/A) unless that would make a shard too large. A unit's tally sits in its
/// shard row under a property named for the unit (<see cref="PropertyOf"/>).
/// </summary>
internal static class TallyText
{
    private const string Day = "yyyyMMdd";

    public static string Marks(IEnumerable<ObligationMark> marks) => string.Join(';', marks.Select(m => string.Create(
        CultureInfo.InvariantCulture,
        $"{m.Task},{(m.Accepted && m.State == ObligationState.Submitted ? 'A' : StateCode(m.State))},{(m.Late ? 1 : 0)},{m.Level},{m.Due.ToString(Day, CultureInfo.InvariantCulture)},{m.Revision}")));

    public static IReadOnlyList<ObligationMark> Marks(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var marks = new List<ObligationMark>();
        foreach (string one in text.Split(';'))
        {
            string[] f = one.Split(',');
            marks.Add(new ObligationMark(Int(f[0]), State(f[1]), f[2] == "1", Int(f[3]), Date(f[4]), Int(f[5]), f[1] == "A"));
        }

        return marks;
    }

    public static string Tally(UnitTally tally)
    {
        CycleCounts c = tally.Counts;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{c.Obligations},{c.Owed},{c.Submitted},{c.Late},{c.Level1},{c.Level2},{c.Level3},{tally.Level},{string.Join('+', tally.Dues.Select(d => d.ToString(Day, CultureInfo.InvariantCulture)))},{c.Accepted}{Standings(tally.Tasks)}");
    }

    public static UnitTally Tally(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int bar = text.IndexOf('|', StringComparison.Ordinal);
        string[] f = (bar < 0 ? text : text[..bar]).Split(',');
        DateOnly[] dues = [.. f[8].Split('+').Select(Date)];
        return new UnitTally(new CycleCounts(Int(f[0]), Int(f[1]), Int(f[2]), Int(f[3]), Int(f[4]), Int(f[5]), Int(f[6]), f.Length > 9 ? Int(f[9]) : 0), Int(f[7]), dues[0], dues)
        {
            Tasks = bar < 0 ? null : Standings(text.AsSpan(bar + 1)),
        };
    }

    // 200 units' states fit a shard row (1 MB) when each stays under this; a unit past it (hundreds of tasks) leaves them
    // out, and the board reads that unit's marks instead.
    private const int MaxStandingsText = 1500;

    private static string Standings(IReadOnlyList<TaskStanding>? tasks)
    {
        if (tasks is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder("|");
        foreach (TaskStanding task in tasks)
        {
            text.Append(task.Task.ToString(CultureInfo.InvariantCulture)).Append(BoardCode(task.State));
        }

        return text.Length > MaxStandingsText ? string.Empty : text.ToString();
    }

    private static List<TaskStanding> Standings(ReadOnlySpan<char> text)
    {
        var tasks = new List<TaskStanding>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                tasks.Add(new TaskStanding(int.Parse(text[start..i], NumberStyles.None, CultureInfo.InvariantCulture), BoardStateOf(text[i])));
                start = i + 1;
            }
        }

        return tasks;
    }

    private static char BoardCode(BoardState state) => state switch
    {
        BoardState.Accepted => 'A',
        BoardState.Submitted => 'S',
        BoardState.Draft => 'D',
        _ => 'O',
    };

    private static BoardState BoardStateOf(char code) => code switch
    {
        'A' => BoardState.Accepted,
        'S' => BoardState.Submitted,
        'D' => BoardState.Draft,
        _ => BoardState.Outstanding,
    };

    /// <summary>
    /// A unit's property in its shard row. Property names allow letters, digits and underscores: a directory id
    /// (<c>[a-z0-9-]</c>) becomes <c>U</c> + the id with <c>-</c> as <c>_</c>; any other id <c>X</c> + its UTF-8 in hex.
    /// </summary>
    public static string PropertyOf(string unitId)
    {
        ArgumentNullException.ThrowIfNull(unitId);
        return unitId.Length > 0 && unitId.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            ? "U" + unitId.Replace('-', '_')
            : "X" + Convert.ToHexString(Encoding.UTF8.GetBytes(unitId));
    }

    /// <summary>The unit a shard property belongs to; null for a property that is not a unit's.</summary>
    public static string? UnitOf(string property) => property switch
    {
        ['U', .. string id] => id.Replace('_', '-'),
        ['X', .. string hex] when hex.Length % 2 == 0 && hex.All(char.IsAsciiHexDigit) => Encoding.UTF8.GetString(Convert.FromHexString(hex)),
        _ => null,
    };

    private static char StateCode(ObligationState state) => state switch
    {
        ObligationState.Submitted => 'S',
        ObligationState.Draft => 'D',
        _ => 'O',
    };

    private static ObligationState State(string code) => code switch
    {
        "S" or "A" => ObligationState.Submitted,
        "D" => ObligationState.Draft,
        _ => ObligationState.Outstanding,
    };

    private static int Int(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, Day, CultureInfo.InvariantCulture);
}
