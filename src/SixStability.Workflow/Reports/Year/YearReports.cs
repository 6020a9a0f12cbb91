using SixStability.Core.Text;

namespace SixStability.Workflow.Reports.Year;

/// <summary>
/// A plan's year (<c>GET /api/plans/{planId}/years/{year}</c>, the page /coord/year): reads the plan's cycles of
/// that year (Q1–Q4, cancelled ones left out), one at a time: each unit's standing from the cycle's summary
/// (the stored final one once closed, a live one while it runs, so the year agrees with each quarterly report)
/// and its accepted reports counted from a stream of the cycle's obligations, range by range. Only counts per
/// unit stay in memory between cycles, never a cycle's rows.
/// </summary>
public sealed class YearReports(ICycleStore cycles, CycleContextLoader loader, IObligationStore obligations, SummaryReports summaries, SummaryArchive archive, ReportOptions options)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public async Task<Outcome<YearReview>> CompileAsync(string planId, string year, CancellationToken cancellationToken)
    {
        if (PlanIdRule.Refuse<YearReview>(planId) is { } invalid)
        {
            return invalid;
        }

        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out int y) || y < FirstYear || y > LastYear)
        {
            return Outcome.Refused<YearReview>(RuleViolation.Field("year", $"应为 {FirstYear} 到 {LastYear} 之间的年份。", $"年份“{year}”无效。"));
        }

        List<CycleRecord> chosen = Choose(await cycles.ListAsync(cancellationToken).ConfigureAwait(false), planId, y);
        var quarters = new List<QuarterStandings>(chosen.Count);
        foreach (CycleRecord record in chosen)
        {
            if (await loader.FindAsync(record.CycleId, cancellationToken).ConfigureAwait(false) is { } cycle)
            {
                quarters.Add(await StandingsAsync(cycle, cancellationToken).ConfigureAwait(false));
            }
        }

        return quarters.Count == 0
            ? Outcome.NotFound<YearReview>($"方案“{planId}”在{y}年没有报送周期（已取消的周期不计）。")
            : YearRecords.Compile(planId, y, quarters);
    }

    /// <summary>The year in <paramref name="format"/>: json, xlsx (年度排名) or docx (the 年度 document).</summary>
    public async Task<Outcome<SummaryFile>> ReadAsync(string planId, string year, string format, CancellationToken cancellationToken)
    {
        if (format is not ("json" or "xlsx" or "docx"))
        {
            return Outcome.Refused<SummaryFile>(RuleViolation.Field("format", "应为 json、xlsx 或 docx。", $"格式“{format}”无效。"));
        }

        return (await CompileAsync(planId, year, cancellationToken).ConfigureAwait(false)).Map(review =>
        {
            string name = $"{review.PlanId}-{review.Year}年度考评";
            return format switch
            {
                "xlsx" => new SummaryFile(YearWorkbook.Write(review), SummaryReports.XlsxType, name + ".xlsx"),
                "docx" => new SummaryFile(SummaryDocx.Render(Layout(review)), SummaryReports.DocxType, name + ".docx"),
                _ => new SummaryFile(JsonSerializer.SerializeToUtf8Bytes(review, Json.Options), "application/json; charset=utf-8", null),
            };
        });
    }

    /// <summary>The 年度 document as a 公文, as the deployment's options (主送) shape it.</summary>
    public ReportDocument Layout(YearReview review) => YearLayout.Build(review, options);

    /// <summary>
    /// One cycle per quarter of the plan's year, cancelled ones left out. Should a quarter have two (a cycle under
    /// its own id beside the usual <c>{plan}-{quarter}</c>), the usual one counts, else the latest started.
    /// </summary>
    public static List<CycleRecord> Choose(IEnumerable<CycleRecord> all, string planId, int year) =>
        [.. (all ?? [])
            .Where(c => c.Status != CycleStatus.Cancelled && c.Frame.PlanId == planId && c.Frame.Quarter.Year == year)
            .GroupBy(c => c.Frame.Quarter.Number)
            .OrderBy(g => g.Key)
            .Select(g => g.OrderByDescending(c => c.CycleId == CycleIds.For(planId, c.Frame.Quarter)).ThenByDescending(c => c.CreatedAt).First())];

    private async Task<QuarterStandings> StandingsAsync(CycleContext cycle, CancellationToken cancellationToken)
    {
        CycleSummary? summary = cycle.IsOpen ? null : await archive.FindAsync(cycle.CycleId, cancellationToken).ConfigureAwait(false);
        if (summary?.Units is null)
        {
            // Open (a live view), or closed before summaries kept every unit's standing: the sealed rows compile the same.
            summary = (await summaries.CompileAsync(cycle, final: !cycle.IsOpen, cancellationToken).ConfigureAwait(false)).Summary;
        }

        var accepted = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (UnitRange? range in SummaryReports.Ranges(cycle.Record))
        {
            await foreach (Obligation o in obligations.ListAsync(cycle.CycleId, range, cancellationToken).ConfigureAwait(false))
            {
                if (o.IsAccepted)
                {
                    accepted[o.UnitId] = accepted.GetValueOrDefault(o.UnitId) + 1;
                }
            }
        }

        return new QuarterStandings(cycle.Record.Frame.Quarter, cycle.CycleId, cycle.IsOpen, summary.PlanTitle, summary.Reporter, summary.AsOf, summary.Units ?? [], accepted);
    }
}
