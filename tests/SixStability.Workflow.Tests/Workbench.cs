using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Core.Plans;
using SixStability.Core.Units;
using SixStability.Workflow.Access;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;
using SixStability.Workflow.Tests.Fakes;

namespace SixStability.Workflow.Tests;

/// <summary>
/// The use cases with every port in memory: the sample plan and directory loaded, a clock that stands
/// where the test puts it, a recording mailer and engine. No Azurite, no host.
/// </summary>
internal sealed class Workbench : IAsyncDisposable
{
    public const string CycleId = "jingdezhen-2020Q3";

    /// <summary>The coordinator signed in, as handlers give use cases their actor.</summary>
    public static readonly Actor Coordinator = new("coordinator", "市发改委（六稳六保工作专班）", [Role.Coordinator], ActorKind.Person, "lwlb@example.gov.cn", "127.0.0.1");

    private readonly ServiceProvider services;

    private Workbench(ServiceProvider services, FakeTimeProvider clock)
    {
        this.services = services;
        Clock = clock;
    }

    /// <summary>Starts at 2020-10-12 10:00 Beijing: the 2020Q3 cycle is open and its due day (10-14) not yet here.</summary>
    public FakeTimeProvider Clock { get; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    public InMemoryObligationStore Obligations => (InMemoryObligationStore)Get<IObligationStore>();

    public InMemoryBlobStore Blobs => (InMemoryBlobStore)Get<IBlobStore>();

    public RecordingMailer Mailer => (RecordingMailer)Get<IMailer>();

    public InMemoryAuditLog Audit => (InMemoryAuditLog)Get<IAuditLog>();

    public RecordingRobots Robots => Get<RecordingRobots>();

    public InMemoryOutbox Outbox => (InMemoryOutbox)Get<IMailOutbox>();

    public RecordingEngine Engine { get; } = new();

    /// <param name="plan">Changes the sample plan before it is stored (a hostile title, say).</param>
    /// <param name="directory">Changes the sample directory before it is stored.</param>
    /// <param name="policy">The cycle policy a new cycle opens with (the default when null).</param>
    public static async Task<Workbench> CreateAsync(Func<PlanCatalog, PlanCatalog>? plan = null, Func<UnitDirectory, UnitDirectory>? directory = null, CyclePolicy? policy = null)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2020, 10, 12, 10, 0, 0, TimeSpan.FromHours(8)));
        var collection = new ServiceCollection();
        collection.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddSingleton(HolidayCn.Calendar());
        collection.AddSingleton<InMemoryObligationStore>();
        collection.AddSingleton<IObligationStore>(sp => sp.GetRequiredService<InMemoryObligationStore>());
        collection.AddSingleton<ICycleTallies>(sp => sp.GetRequiredService<InMemoryObligationStore>());
        collection.AddSingleton<ICycleStore, InMemoryCycleStore>();
        collection.AddSingleton<IPlanStore, InMemoryPlanStore>();
        collection.AddSingleton<IPlanDraftStore, InMemoryPlanDraftStore>();
        collection.AddSingleton<IReportingContactStore, InMemoryReportingContactStore>();
        collection.AddSingleton<IDirectoryStore, InMemoryDirectoryStore>();
        collection.AddSingleton<IBlobStore, InMemoryBlobStore>();
        collection.AddSingleton<IMailer, RecordingMailer>();
        collection.AddSingleton<IMailOutbox, InMemoryOutbox>();
        collection.AddSingleton<RecordingRobots>();
        collection.AddSingleton<IRobotMessenger>(sp => sp.GetRequiredService<RecordingRobots>());
        collection.AddSingleton<IRobotCatalog>(sp => sp.GetRequiredService<RecordingRobots>());
        collection.AddSingleton<IRobotPacer, InMemoryRobotPacer>();
        collection.AddSingleton<PlainLinks>();
        collection.AddSingleton<ILinkSigner>(sp => sp.GetRequiredService<PlainLinks>());
        collection.AddSingleton<ILinkVerifier>(sp => sp.GetRequiredService<PlainLinks>());
        collection.AddSingleton<IAuditLog, InMemoryAuditLog>();
        collection.AddSingleton(new PageLinks(new Uri("https://lwlb.example.gov.cn/")));
        if (policy is not null)
        {
            collection.AddSingleton(policy);
        }

        collection.AddWorkflow();
        var ready = new Workbench(collection.BuildServiceProvider(), clock);

        UnitDirectory units = UnitDirectoryReader.Parse(Samples.Read("directory.json")).Directory!;
        PlanCatalog catalog = PlanImporter.Import("jingdezhen", Samples.Read("jingdezhen.txt")).Catalog;
        await ready.Get<IDirectoryStore>().PutAsync(directory?.Invoke(units) ?? units, null, CancellationToken.None);
        await ready.Get<IPlanStore>().PutAsync(plan?.Invoke(catalog) ?? catalog, null, CancellationToken.None);
        return ready;
    }

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    /// <summary>Opens the 2020Q3 cycle on the default China calendar, as its first activity does.</summary>
    public async Task<CycleRecord> OpenCycleAsync()
    {
        await Get<OpenCycleActivity>().RunAsync(null!, new CycleInput(CycleId, "jingdezhen", "2020Q3", new CyclePolicyChoice(), Now));
        return (await Get<ICycleStore>().GetAsync(CycleId, CancellationToken.None))!;
    }

    public async ValueTask DisposeAsync() => await services.DisposeAsync();
}
