using System.Runtime.CompilerServices;
using SixStability.Core.Submissions;
using SixStability.Core.Text;

namespace SixStability.Infrastructure.Cycles;

// What the summary reads of each obligation: the obligation and its last submitted text ('s…', replaced by each
// submission in the same transaction), so the summary never reads history.
public sealed partial class TableObligationStore
{
    /// <summary>
    /// One scan of 's…' and 't…' rows per range: within a partition the texts come before the obligations,
    /// so only one unit's texts are held at a time. A submitted obligation without a text row (saved
    /// before texts were kept) takes the text of its last submission from its history.
    /// </summary>
    public async IAsyncEnumerable<ObligationReport> ListReportsAsync(string cycleId, UnitRange? page, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TableClient table = await Table().ConfigureAwait(false);
        string cycle = TableKeys.Encode(cycleId);
        string filter = page is null
            ? TableClient.CreateQueryFilter($"PartitionKey gt {cycle + "|"} and PartitionKey lt {cycle + "}"} and RowKey ge {"s"} and RowKey lt {"u"}")
            : TableClient.CreateQueryFilter($"PartitionKey ge {Partition(cycleId, page.FirstUnit)} and PartitionKey le {Partition(cycleId, page.LastUnit)} and RowKey ge {"s"} and RowKey lt {"u"}");
        var texts = new Dictionary<string, ReportText>(StringComparer.Ordinal);
        string partition = string.Empty;
        await foreach (TableEntity e in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (e.PartitionKey != partition)
            {
                texts.Clear();
                partition = e.PartitionKey;
            }

            if (e.RowKey.StartsWith('s'))
            {
                texts[e.RowKey[1..]] = new ReportText(e.GetString("Narrative") ?? string.Empty, e.GetString("Difficulties"), e.GetString("NextSteps"));
                continue;
            }

            Obligation o = ToObligation(e);
            ReportText? text = texts.GetValueOrDefault(e.RowKey[1..]);
            if (text is null && o.SubmittedAt is not null)
            {
                text = await LastSubmittedAsync(o, cancellationToken).ConfigureAwait(false);
            }

            yield return new ObligationReport(o, text);
        }
    }

    /// <summary>
    /// Bulk load of submitted texts beside obligations added with <see cref="AddMissingAsync"/>: for benchmarks
    /// and migrations, never for a live cycle (a change writes its text in its own transaction).
    /// </summary>
    public async Task AddTextsAsync(IReadOnlyList<(Obligation Obligation, ReportText Text)> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        TableClient table = await Table().ConfigureAwait(false);
        await EachPartitionAsync(
            texts.GroupBy(t => Partition(t.Obligation.CycleId, t.Obligation.UnitId)),
            async (partition, ct) =>
            {
                foreach ((Obligation Obligation, ReportText Text)[] chunk in partition.Chunk(100))
                {
                    await table.SubmitTransactionAsync(chunk.Select(t => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToTextEntity(partition.Key, t.Obligation.TaskNumber, t.Text, t.Obligation.Revision))), ct).ConfigureAwait(false);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The text of an obligation's last submission, read from its history (rows kept before texts were).</summary>
    private async Task<ReportText?> LastSubmittedAsync(Obligation o, CancellationToken cancellationToken)
    {
        ReportText? last = null;
        IReadOnlyDictionary<int, IReadOnlyList<HistoryEntry>> history = await ReadHistoryAsync(o.CycleId, o.UnitId, o.TaskNumber, cancellationToken).ConfigureAwait(false);
        foreach (HistoryEntry entry in history.GetValueOrDefault(o.TaskNumber, []))
        {
            if (entry.What == "submitted" && entry.Detail is { Length: > 0 } detail && detail.StartsWith('{')
                && JsonSerializer.Deserialize<SavedForm>(detail, Json.Options) is { Narrative.Length: > 0 } form)
            {
                last = new ReportText(form.Narrative, form.Difficulties, form.NextSteps);
            }
        }

        return last;
    }

    /// <summary>
    /// The last submitted text of one task: each field is within the submission rules' limits (5,000 and
    /// 2,000 characters), far under a Table string property's 32K characters, so no blob is needed.
    /// </summary>
    private static TableEntity ToTextEntity(string partition, int task, ReportText text, int revision) => new(partition, $"s{task:D2}")
    {
        ["Narrative"] = text.Narrative,
        ["Difficulties"] = text.Difficulties,
        ["NextSteps"] = text.NextSteps,
        ["Rev"] = revision,
    };

}
