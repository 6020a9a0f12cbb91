using Microsoft.Extensions.DependencyInjection;
using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Core.Plans;
using SixStability.Core.Rules;
using SixStability.Core.Submissions;
using SixStability.Core.Units;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Support;

/// <summary>
/// Four cycles of the seed plan for 2020 on the real stores (Azurite), arranged so the year's ranking is known
/// by hand (default score rule: −0.5 per working day late, 黄 −1, 红 −3, 退回 −0.5, +1 per indicator ahead):
/// <list type="bullet">
/// <item>Q1–Q3 closed one working day after a Tuesday due day; Q4 open and due in 2030, so only what was submitted is owed.</item>
/// <item>市发改委 (fgw): everything on time and accepted; its 老旧小区改造 indicator at 16000 of 2万 (80 %) is ahead of pace in Q1–Q3: +3.</item>
/// <item>市人社局 (rsj): everything on time and accepted: 0, commended with fgw.</item>
/// <item>市财政局 (czj): everything on time and accepted, one report returned in Q2 and sent again on time: −0.5.</item>
/// <item>浮梁县政府 (flx): two reports a day late in Q1 (−1), two returns in Q2 (−1), one a day late in Q3 (−0.5): −2.5, three late.</item>
/// <item>乐平市政府 (lps): one a day late in Q1 (−0.5); one a day late and 黄 in Q2 (−1.5); one missing at the close (a day) and 红 in Q3 (−3.5): −5.5.</item>
/// <item>Everyone else: on time in Q1–Q3, nothing yet in Q4, none accepted: 0.</item>
/// </list>
/// fgw, rsj, czj and lps also report everything in Q4 on time (fgw's and rsj's accepted).
/// </summary>
internal static class YearCycles
{
    public const string Plan = "jingdezhen";
    public const string Indicator = "今年完成2万户老旧小区改造";

    /// <summary>Tuesdays with working days either side, away from the 2020 holidays.</summary>
    private static readonly DateOnly[] Dues = [new(2020, 4, 14), new(2020, 7, 14), new(2020, 10, 13), new(2030, 1, 15)];

    public static async Task SeedAsync(DevHostServer server)
    {
        IServiceProvider services = server.Services;
        PlanCatalog plan = (await services.GetRequiredService<IPlanStore>().GetAsync(Plan, null, CancellationToken.None))!.Value;
        UnitDirectory directory = (await services.GetRequiredService<IDirectoryStore>().GetAsync(null, CancellationToken.None))!.Value;
        ICycleStore cycles = services.GetRequiredService<ICycleStore>();
        IObligationStore store = services.GetRequiredService<IObligationStore>();
        for (int n = 1; n <= 4; n++)
        {
            var quarter = new Quarter(2020, n);
            string id = CycleIds.For(Plan, quarter);
            DateOnly due = Dues[n - 1];
            DateOnly nextDay = due.AddDays(1);
            var frame = new CycleFrame(id, Plan, quarter, CycleMode.ExplicitDue, quarter.LastDay.AddDays(3), due);
            await cycles.CreateAsync(new CycleRecord(frame, CyclePolicy.Default, CycleStatus.Open, [], DateTimeOffset.UtcNow), CancellationToken.None);
            IReadOnlyList<Obligation> opened = ObligationPlanner.Open(id, plan, directory, due).Value!;
            bool open = n == 4;
            var late = new HashSet<(string, int)>(Late(n, opened));
            string? missing = n == 3 ? "lps" : null;
            int missingTask = n == 3 ? Tasks(opened, "lps")[1] : 0;
            List<Obligation> seeded = [];
            foreach (Obligation o in opened)
            {
                bool reports = !open || o.UnitId is "fgw" or "rsj" or "czj" or "lps";
                if (!reports || (o.UnitId == missing && o.TaskNumber == missingTask))
                {
                    seeded.Add(o with { EscalationLevel = Level(n, o.UnitId) });
                    continue;
                }

                DateOnly day = late.Contains((o.UnitId, o.TaskNumber)) ? nextDay : due;
                ReportedFigures? figures = o.UnitId == "fgw" && o.IsLead && plan.FindTask(o.TaskNumber)!.Indicators.Any(i => i.Name == Indicator) && !open
                    ? new ReportedFigures(ReportedFigures.OnTrack, [new IndicatorReading(Indicator, 16000)])
                    : null;
                seeded.Add(o.Submit(At(open ? DateOnly.FromDateTime(DateTime.UtcNow) : day), open ? DateOnly.FromDateTime(DateTime.UtcNow) : day, figures) with { EscalationLevel = Level(n, o.UnitId) });
            }

            await store.AddMissingAsync(seeded, CancellationToken.None);

            // What the coordinator does, through the store's own change path: returns (sent again on time) and accepts.
            if (n == 2)
            {
                await ReturnAndResubmitAsync(store, id, "czj", Tasks(opened, "czj")[0], due);
                foreach (int task in Tasks(opened, "flx")[..2])
                {
                    await ReturnAndResubmitAsync(store, id, "flx", task, due);
                }
            }

            foreach (string unit in new[] { "fgw", "rsj", "czj" })
            {
                if (open && unit == "czj")
                {
                    continue; // czj's Q4 is in, not yet read
                }

                foreach (int task in Tasks(opened, unit))
                {
                    await ChangeAsync(store, id, unit, task, o => o.Accept(At(due.AddDays(2))), "accepted");
                }
            }

            if (!open)
            {
                await cycles.SetStatusAsync(id, CycleStatus.Closed, At(nextDay), CancellationToken.None);
            }
        }
    }

    /// <summary>The unit's tasks in the cycle, in task order.</summary>
    public static int[] Tasks(IEnumerable<Obligation> obligations, string unit) =>
        [.. obligations.Where(o => o.UnitId == unit).Select(o => o.TaskNumber).Order()];

    private static IEnumerable<(string, int)> Late(int quarter, IReadOnlyList<Obligation> opened) => quarter switch
    {
        1 => [("lps", Tasks(opened, "lps")[0]), .. Tasks(opened, "flx")[..2].Select(t => ("flx", t))],
        2 => [("lps", Tasks(opened, "lps")[0])],
        3 => [("flx", Tasks(opened, "flx")[0])],
        _ => [],
    };

    private static int Level(int quarter, string unit) => (quarter, unit) switch
    {
        (2, "lps") => 1,
        (3, "lps") => 3,
        _ => 0,
    };

    /// <summary>Ten in the morning, China time, of a cycle day.</summary>
    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));

    private static async Task ReturnAndResubmitAsync(IObligationStore store, string cycleId, string unit, int task, DateOnly due)
    {
        await ChangeAsync(store, cycleId, unit, task, o => o.Return("请补充数据"), "returned");
        await ChangeAsync(store, cycleId, unit, task, o => o.Submit(At(due), due), "submitted");
    }

    private static async Task ChangeAsync(IObligationStore store, string cycleId, string unit, int task, Func<Obligation, Outcome<Obligation>> change, string what)
    {
        Outcome<ChangeResult> changed = await store.ChangeAsync(cycleId, unit, task, change, new HistoryEntry(DateTimeOffset.UtcNow, "coordinator", what), null, CancellationToken.None);
        changed.IsOk.Should().BeTrue(changed.Message);
    }
}
