using Microsoft.Extensions.Options;
using SixStability.Core.Cycles;
using SixStability.Core.Submissions;
using SixStability.Infrastructure.Cycles;
using SixStability.Infrastructure.Storage;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Storage;

/// <summary>
/// The text of each obligation's last submission kept beside it in Table Storage, so the summary reads one
/// more row per report, never the history, and a step's reads carry no text.
/// </summary>
public sealed class ObligationReportTests
{
    private static readonly DateOnly Due = new(2020, 10, 14);

    private static async Task<TableObligationStore> NewStoreAsync()
    {
        var options = Options.Create(new StorageOptions
        {
            ConnectionString = await SharedAzurite.ConnectionStringAsync(),
            TablePrefix = "r" + Guid.NewGuid().ToString("N")[..12],
        });
        return new TableObligationStore(new TableClients(options), new AzureBlobStore(options));
    }

    private static async Task<List<ObligationReport>> ReportsAsync(TableObligationStore store, UnitRange? range = null)
    {
        var list = new List<ObligationReport>();
        await foreach (ObligationReport r in store.ListReportsAsync("c/1", range, CancellationToken.None))
        {
            list.Add(r);
        }

        return list;
    }

    [Fact]
    public async Task A_submissions_text_is_read_with_its_obligation_a_later_draft_or_return_leaves_the_submitted_text_and_counts_the_return()
    {
        TableObligationStore store = await NewStoreAsync();
        await store.AddMissingAsync(
            [
                new Obligation("c/1", "fgw", 6, true, ObligationState.Outstanding, Due),
                new Obligation("c/1", "fgw", 8, true, ObligationState.Outstanding, Due),
                new Obligation("c/1", "rsj#", 6, false, ObligationState.Outstanding, Due),
            ],
            CancellationToken.None);
        var text = new ReportText("完成老旧小区改造1.6万户。", "资金到位偏慢。", "四季度全部开工。");

        await store.ChangeAsync("c/1", "fgw", 6, o => o.Submit(DateTimeOffset.UtcNow, Due), new HistoryEntry(DateTimeOffset.UtcNow, "fgw", "submitted", "{}", text), null, CancellationToken.None);
        await store.ChangeAsync("c/1", "rsj#", 6, o => o.SaveDraft(), new HistoryEntry(DateTimeOffset.UtcNow, "rsj#", "draft", "{\"narrative\":\"草稿\"}"), null, CancellationToken.None);
        await store.ChangeAsync("c/1", "fgw", 6, o => o.Return("请补充指标"), new HistoryEntry(DateTimeOffset.UtcNow, "coordinator", "returned", "请补充指标"), null, CancellationToken.None);
        List<ObligationReport> reports = await ReportsAsync(store);

        reports.Select(r => (r.Obligation.UnitId, r.Obligation.TaskNumber)).Should().Equal(("fgw", 6), ("fgw", 8), ("rsj#", 6));
        reports[0].Text.Should().Be(text, "a return owes the report again but keeps what was submitted");
        reports[0].Obligation.Returns.Should().Be(1);
        reports[0].Obligation.State.Should().Be(ObligationState.Outstanding);
        reports[1].Text.Should().BeNull();
        reports[2].Text.Should().BeNull("a draft is not a submission");
        (await ReportsAsync(store, new UnitRange("rsj#", "rsj#"))).Should().ContainSingle().Which.Obligation.UnitId.Should().Be("rsj#");
        (await store.ListUnitAsync("c/1", "fgw", CancellationToken.None)).Select(o => o.TaskNumber).Should().Equal([6, 8], "the text row is not an obligation");
    }

    [Fact]
    public async Task A_report_submitted_before_texts_were_kept_takes_its_text_from_its_last_submission_in_the_history()
    {
        TableObligationStore store = await NewStoreAsync();
        await store.AddMissingAsync([new Obligation("c/1", "fgw", 6, true, ObligationState.Outstanding, Due)], CancellationToken.None);

        await store.ChangeAsync("c/1", "fgw", 6, o => o.Submit(DateTimeOffset.UtcNow, Due), new HistoryEntry(DateTimeOffset.UtcNow, "fgw", "submitted", "{\"narrative\":\"旧版报送。\",\"nextSteps\":\"继续推进。\"}"), null, CancellationToken.None);
        await store.ChangeAsync("c/1", "fgw", 6, o => o.Submit(DateTimeOffset.UtcNow, Due), new HistoryEntry(DateTimeOffset.UtcNow, "fgw", "submitted", "{\"narrative\":\"旧版再次报送。\"}"), null, CancellationToken.None);

        (await ReportsAsync(store)).Single().Text.Should().Be(new ReportText("旧版再次报送。"));
    }
}
