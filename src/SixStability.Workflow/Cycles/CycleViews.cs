using System.Text.Json.Serialization;

namespace SixStability.Workflow.Cycles;

/// <summary><c>GET /api/cycles/{cycleId}</c>: what the coordinator's board shows (only id, status and runtime while it is still opening).</summary>
/// <param name="Status">open, closed, cancelled — or opening while the first step has not run yet.</param>
/// <param name="Runtime">The orchestration's own state (Running, Completed, Failed …).</param>
public sealed record CycleView(string CycleId, string Status, string? Runtime)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PlanId { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Quarter? Quarter { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CycleMode? Mode { get; init; }

    /// <summary>Which plan and directory versions the cycle runs on (re-imports make new versions for later cycles).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CycleVersions? Versions { get; init; }

    /// <summary>
    /// The orchestration version that runs the cycle (<see cref="CycleOrchestratorVersions"/>): "1" for cycles
    /// started before versions were recorded; null while the cycle is still opening.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? OrchestrationVersion { get; init; }

    /// <summary>The last step run (open, reminder-…, escalation…, closed); null until the orchestration reports one.</summary>
    public string? Step { get; init; }

    public DateTimeOffset? NextAt { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ScheduleStepView>? Schedule { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public CycleCounts? Counts { get; init; }

    /// <summary>One page of units, grouped by kind (县市区政府, 园区管委会, 市直部门) and sorted as asked, as <see cref="Paging"/> says.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<UnitProgressView>? Units { get; init; }

    /// <summary>Which page <see cref="Units"/> is, and how many units the filter matched of how many.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public UnitPaging? Paging { get; init; }

    /// <summary>The plan's task numbers (the board's columns, the same on every page).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? TaskNumbers { get; init; }

    /// <summary>The board's columns: each task's short and full title, and its count over every unit the filter matched.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TaskColumnView>? Columns { get; init; }

    /// <summary>The groups (类别) the filter's units fall in, in the board's order, with how many units each.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<UnitGroupView>? Groups { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ExtensionRequestView>? ExtensionRequests { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MailProblemView>? MailProblems { get; init; }

    /// <summary>Group-robot messages that failed, were refused or still wait, beside the mail problems.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RobotProblemView>? RobotProblems { get; init; }

    /// <summary>Steps that failed after their retries, kept on the cycle (the cycle went on past them).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CycleProblem>? Problems { get; init; }

    /// <summary>Why the orchestration failed, when <see cref="Runtime"/> says Failed.</summary>
    public string? Failure { get; init; }

    /// <summary>True when <c>POST /api/cycles/{cycleId}/resume</c> would start it again.</summary>
    public bool CanResume { get; init; }
}

public sealed record ScheduleStepView(StepKind Kind, int? Level, DateTimeOffset At, DateOnly Due, string Step);

/// <param name="Owed">Task numbers still to report.</param>
/// <param name="Level">The highest escalation level any of its tasks reached.</param>
public sealed record UnitProgressView(string UnitId, string Name, DateOnly Due, IReadOnlyList<int> Owed, IReadOnlyList<int> Submitted, int Late, int Level, IReadOnlyList<TaskProgressView> Tasks)
{
    /// <summary>Its kind (类别): the board's group.</summary>
    public UnitKind Kind { get; init; } = UnitKind.Department;

    /// <summary>The tasks it leads (牵头); it co-operates (配合) on the others.</summary>
    public IReadOnlyList<int> Leads { get; init; } = [];

    /// <summary>A unit's progress from its marks (<see cref="ICycleTallies"/>).</summary>
    public static UnitProgressView Of(string unitId, string name, IReadOnlyList<ObligationMark> marks)
    {
        ArgumentNullException.ThrowIfNull(marks);
        UnitTally tally = UnitTally.Of(marks);
        return new(
            unitId,
            name,
            tally.Due,
            [.. marks.Where(m => m.IsOwed).Select(m => m.Task).Order()],
            [.. marks.Where(m => !m.IsOwed).Select(m => m.Task).Order()],
            tally.Counts.Late,
            tally.Level,
            [.. marks.OrderBy(m => m.Task).Select(m => new TaskProgressView(m.Task, m.State, m.Late, m.Level, m.Due, m.Accepted))]);
    }
}

/// <summary>A column of the board.</summary>
/// <param name="ShortTitle">The short title for the column head (<see cref="Core.Plans.TaskShortTitle"/>).</param>
/// <param name="Title">The plan's full title (the head's tooltip).</param>
/// <param name="Total">Obligations of this task among every unit the filter matched (not only the page shown).</param>
/// <param name="Submitted">Of them reported (已报送 or 已审核).</param>
/// <param name="Accepted">Of them accepted (已审核).</param>
public sealed record TaskColumnView(int Number, string ShortTitle, string Title, int Total, int Submitted, int Accepted);

/// <summary>A group of the board (类别) and how many of the filter's units it holds.</summary>
/// <param name="Name">县市区政府, 园区管委会 or 市直部门.</param>
public sealed record UnitGroupView(UnitKind Kind, string Name, int Units);

/// <param name="Page">The page shown (1 is the first).</param>
/// <param name="Size">Units per page.</param>
/// <param name="Pages">Pages the filter's units fill (at least 1).</param>
/// <param name="Matched">Units the filter matched.</param>
/// <param name="Total">Units in the cycle.</param>
public sealed record UnitPaging(int Page, int Size, int Pages, int Matched, int Total);

/// <param name="Accepted">已审核: submitted and accepted by the coordinator as it stands.</param>
public sealed record TaskProgressView(int Task, ObligationState State, bool Late, int Level, DateOnly Due, bool Accepted = false);

/// <param name="Name">The unit's name: a paged board may not show the unit that asked.</param>
public sealed record ExtensionRequestView(string UnitId, DateOnly Due, string Reason, DateTimeOffset RequestedAt, ExtensionRequestState State, string? Note, string? Name = null);

public sealed record MailProblemView(string Step, string RecipientKey, string To, OutboxStatus Status, string? Error);

/// <param name="RecipientKey">Whose message (a unit id, leader-…, supervision, coordinator).</param>
/// <param name="Channel">wecom or dingtalk.</param>
/// <param name="NotBefore">When a queued message may go.</param>
public sealed record RobotProblemView(string Step, string RecipientKey, ChannelKind Channel, string Robot, OutboxStatus Status, int Attempts, string? Error, DateTimeOffset? NotBefore);

/// <summary>One line of <c>GET /api/cycles</c>.</summary>
public sealed record CycleSummaryView(string CycleId, string PlanId, Quarter Quarter, string QuarterName, string Status, CycleMode Mode, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt)
{
    /// <summary>Which orchestration version runs it: before retiring a version, no open cycle may show it (README).</summary>
    public string OrchestrationVersion { get; init; } = CycleOrchestratorVersions.V1;
}
