namespace SixStability.Workflow.Ports;

/// <summary>The cycle record: its frame and policy (the timeline derives from them), status and unit pages.</summary>
public interface ICycleStore
{
    Task<CycleRecord?> GetAsync(string cycleId, CancellationToken cancellationToken);

    /// <summary>Creates the record unless it exists; returns the stored one either way.</summary>
    Task<CycleRecord> CreateAsync(CycleRecord record, CancellationToken cancellationToken);

    Task SetStatusAsync(string cycleId, CycleStatus status, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Which orchestration version runs the cycle (<see cref="Cycles.CycleOrchestratorVersions"/>).</summary>
    Task SetOrchestrationVersionAsync(string cycleId, string version, CancellationToken cancellationToken);

    Task<IReadOnlyList<CycleRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Keeps a step's failure on the cycle (appended, never overwritten).</summary>
    Task AddProblemAsync(string cycleId, CycleProblem problem, CancellationToken cancellationToken);

    /// <summary>The cycle's recorded problems, oldest first.</summary>
    Task<IReadOnlyList<CycleProblem>> ProblemsAsync(string cycleId, CancellationToken cancellationToken);
}

/// <param name="UnitRanges">Units in id order, cut into ranges; a step fans out one activity per range.</param>
/// <param name="Versions">The plan and directory versions the cycle opened with and keeps; null for cycles opened before versions were kept (they read the current ones).</param>
/// <param name="OrchestrationVersion">The orchestration version that runs the cycle; null for cycles whose orchestration does not record it (version 1).</param>
public sealed record CycleRecord(
    CycleFrame Frame,
    CyclePolicy Policy,
    CycleStatus Status,
    IReadOnlyList<UnitRange> UnitRanges,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ClosedAt = null,
    CycleVersions? Versions = null,
    string? OrchestrationVersion = null)
{
    public string CycleId => Frame.CycleId;
}

/// <summary>Which plan and directory a cycle runs on: re-importing either never changes a running cycle.</summary>
public sealed record CycleVersions(string Plan, int PlanNumber, string Directory, int DirectoryNumber);

/// <summary>A contiguous range of unit ids (inclusive).</summary>
public sealed record UnitRange(string FirstUnit, string LastUnit);

public enum CycleStatus
{
    Open,
    Closed,
    Cancelled,
}
