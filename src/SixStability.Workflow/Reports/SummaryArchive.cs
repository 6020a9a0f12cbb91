using SixStability.Core.Text;

namespace SixStability.Workflow.Reports;

/// <summary>
/// The final summaries kept at each close (blobs <c>summaries/{cycle}/summary.{format}</c>): last
/// quarter's is what this quarter compares with, and says which deadlines were already reported met.
/// </summary>
public sealed partial class SummaryArchive(IBlobStore blobs, ILogger<SummaryArchive> logger)
{
    public const string Container = "summaries";

    public static string BlobName(string cycleId, string format) => $"{Uri.EscapeDataString(cycleId)}/summary.{format}";

    /// <summary>A cycle's stored final summary; null when there is none, or it cannot be read (logged, never fatal: it is only compared with).</summary>
    public async Task<CycleSummary?> FindAsync(string cycleId, CancellationToken cancellationToken)
    {
        if (await blobs.GetAsync(Container, BlobName(cycleId, "json"), cancellationToken).ConfigureAwait(false) is not { } json)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CycleSummary>(json.Content.Span, Json.Options);
        }
        catch (JsonException ex)
        {
            LogUnreadable(logger, ex, cycleId);
            return null;
        }
    }

    /// <summary>The same plan's summary of the quarter before <paramref name="frame"/>'s.</summary>
    public Task<CycleSummary?> PreviousAsync(CycleFrame frame, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return FindAsync(CycleIds.For(frame.PlanId, frame.Quarter.Previous), cancellationToken);
    }

    /// <summary>Deadlines an earlier quarter reported met: a lead unit is not asked about them again.</summary>
    public async Task<IReadOnlySet<DeadlineRef>> MetEarlierAsync(CycleFrame frame, CancellationToken cancellationToken) =>
        DeadlineQuestions.MetBy(await PreviousAsync(frame, cancellationToken).ConfigureAwait(false));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored summary of {CycleId} could not be read; the report goes without last quarter's comparison")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string cycleId);
}
