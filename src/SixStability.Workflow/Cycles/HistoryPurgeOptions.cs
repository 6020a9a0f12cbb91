namespace SixStability.Workflow.Cycles;

/// <summary><c>Durable:PurgeAfterDays</c>: how long a finished cycle's orchestration history is kept.</summary>
public sealed class HistoryPurgeOptions
{
    public const int DefaultPurgeAfterDays = 90;

    /// <summary>Days after a cycle closed (or was cancelled) before its orchestration history is purged.</summary>
    public int PurgeAfterDays { get; set; } = DefaultPurgeAfterDays;
}
