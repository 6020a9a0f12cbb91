using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SixStability.Core.Cycles;
using SixStability.Core.Plans;
using SixStability.Core.Rules;
using SixStability.Core.Units;
using SixStability.DevHost.Azurite;
using SixStability.Infrastructure;
using SixStability.Workflow.Access;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Support;

/// <summary>
/// The cycle orchestration on the in-process durable test host, with the product's real stores on
/// Azurite and a recording mailer. Each test gets its own tables.
/// </summary>
internal sealed class CycleHost : IAsyncDisposable
{
    /// <summary>Two tasks, four units, two leaders: small enough to assert every mail.</summary>
    public const string PlanText = """
        测试方案
        2020年6月3日
        二、保居民就业
        (一)稳定就业岗位。内容。(责任单位:市人社局、市财政局)
        (二)扩大就业。内容。(责任单位:市财政局、各县〔市、区〕政府)
        """;

    private readonly DurableTaskTestHost host;

    private CycleHost(DurableTaskTestHost host, RecordingMailer mailer)
    {
        this.host = host;
        Mailer = mailer;
    }

    public RecordingMailer Mailer { get; }

    public IServiceProvider Services => host.Services;

    public DurableTaskClient Client => host.Client;

    public ICycleClient Cycles => new DurableTaskCycleClient(host.Client);

    public IObligationStore Obligations => Services.GetRequiredService<IObligationStore>();

    public static UnitDirectory Directory => new(
        new Contact("市发改委", "fgw@example.gov.cn"),
        new Contact("市政府督查室", "dcs@example.gov.cn"),
        [new Contact("市人民政府办公室", "szfb@example.gov.cn")],
        [new Leader("vm-a", "张强", "副市长", "vm-a@example.gov.cn"), new Leader("mayor", "赵文", "市长", "mayor@example.gov.cn")],
        [
            new Unit("rsj", "市人社局", UnitKind.Department, "rsj@example.gov.cn", "vm-a"),
            new Unit("czj", "市财政局", UnitKind.Department, "czj@example.gov.cn", "vm-a"),
            new Unit("lps", "乐平市政府", UnitKind.CountyGovernment, "lps@example.gov.cn", "mayor"),
            new Unit("flx", "浮梁县政府", UnitKind.CountyGovernment, "flx@example.gov.cn", "mayor"),
        ],
        [new UnitGroup("各县（市、区）政府", ["lps", "flx"])]);

    /// <param name="settings">
    /// More configuration (group robots, say). <c>Cycle:CoUnitWorkingDaysBeforeLead</c> is 0 unless set here: one
    /// due day for every unit, so a test of extensions or escalation reads one timeline; the product's default (1)
    /// is tested on its own.
    /// </param>
    /// <param name="directory">Changes <see cref="Directory"/> before it is stored.</param>
    public static async Task<CycleHost> StartAsync(IDictionary<string, string?>? settings = null, Func<UnitDirectory, UnitDirectory>? directory = null)
    {
        var mailer = new RecordingMailer();
        var all = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = await SharedAzurite.ConnectionStringAsync(),
            ["Storage:TablePrefix"] = "c" + Guid.NewGuid().ToString("N")[..12],
            ["Links:SigningKey"] = "test-signing-key",
            ["Links:BaseUrl"] = "http://localhost:7071",
            ["Cycle:CoUnitWorkingDaysBeforeLead"] = "0",
        };
        foreach ((string key, string? value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        DurableTaskTestHost host = await DurableTaskTestHost.StartAsync(
            registry => registry.AddCycleTasks(),
            new DurableTaskTestHostOptions
            {
                Port = LoopbackPorts.Free(),
                ConfigureServices = services =>
                {
                    services.AddLogging();
                    services.AddSixStability(configuration);
                    services.AddSingleton<IMailer>(mailer);
                },
            });
        var cycleHost = new CycleHost(host, mailer);
        await cycleHost.Services.GetRequiredService<IDirectoryStore>().PutAsync(directory?.Invoke(Directory) ?? Directory, null, CancellationToken.None);
        await cycleHost.Services.GetRequiredService<IPlanStore>().PutAsync(PlanImporter.Import("p", PlanText).Catalog, null, CancellationToken.None);
        return cycleHost;
    }

    /// <summary>A demo cycle of plan "p" whose timeline runs <paramref name="secondsPerDay"/> seconds a day.</summary>
    public static CycleInput Demo(string quarter, double secondsPerDay) =>
        new($"p-{quarter}", "p", quarter, new CyclePolicyChoice(CyclePolicyChoice.Demo, SecondsPerDay: secondsPerDay), DateTimeOffset.UtcNow);

    /// <summary>Starts the cycle as the coordinator's route does (once); true when this start created it.</summary>
    public async Task<bool> StartAsync(CycleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Outcome<CycleStarted> started = await Services.GetRequiredService<StartCycleUseCase>().RunAsync(new StartCycleCommand(input.PlanId, input.Quarter, input.Policy), Actor.Key(null), Cycles, CancellationToken.None);
        return started.IsOk ? started.Value!.Created : throw new InvalidOperationException(started.Message);
    }

    /// <summary>Waits until the cycle's obligations exist (the opening activity ran).</summary>
    public async Task WaitOpenedAsync(string cycleId)
    {
        for (int i = 0; i < 200; i++)
        {
            if (await Services.GetRequiredService<ICycleStore>().GetAsync(cycleId, CancellationToken.None) is not null)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The cycle did not open.");
    }

    /// <summary>Waits until the orchestration is asleep on its next step (its custom status is set).</summary>
    public async Task WaitWaitingAsync(string cycleId)
    {
        for (int i = 0; i < 400; i++)
        {
            if ((await Cycles.GetAsync(cycleId, CancellationToken.None))?.Progress is not null)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The cycle never reached its first wait.");
    }

    public async Task SubmitAsync(string cycleId, string unitId, int task)
    {
        CycleRecord record = (await Services.GetRequiredService<ICycleStore>().GetAsync(cycleId, CancellationToken.None))!;
        DateOnly today = record.Frame.Today(DateTimeOffset.UtcNow, record.Policy);
        await Obligations.ChangeAsync(cycleId, unitId, task, o => o.Submit(DateTimeOffset.UtcNow, today), new HistoryEntry(DateTimeOffset.UtcNow, unitId, "submitted"), null, CancellationToken.None);
    }

    public async Task<OrchestrationMetadata> WaitCompletedAsync(string cycleId, int seconds = 60)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        return await Client.WaitForInstanceCompletionAsync(cycleId, getInputsAndOutputs: true, timeout.Token);
    }

    public async ValueTask DisposeAsync() => await host.DisposeAsync();
}
