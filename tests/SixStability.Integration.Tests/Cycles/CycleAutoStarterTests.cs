using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SixStability.Core.Calendar;
using SixStability.Core.Plans;
using SixStability.Core.Units;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Audit;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Cycles;

/// <summary>The daily timer opens the quarter that just ended, on its opening day, once.</summary>
public sealed class CycleAutoStarterTests
{
    private static DateTimeOffset Beijing(int y, int m, int d, int h) => new(y, m, d, h, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(2020, 10, 9, 9, true)] // opening day of 2020Q3 (National Day week is off)
    [InlineData(2020, 10, 12, 9, true)] // a late or repeated firing still inside the cycle's window
    [InlineData(2020, 10, 8, 9, false)] // still the holiday
    [InlineData(2020, 10, 24, 9, false)] // after the close
    public async Task The_timer_starts_the_quarter_that_just_ended_only_inside_its_window(int y, int m, int d, int h, bool starts)
    {
        await using ServiceProvider services = await MailServices.CreateAsync(new Dictionary<string, string?>());
        await services.GetRequiredService<IDirectoryStore>().PutAsync(UnitDirectoryReader.Parse(Samples.Read("directory.json")).Directory!, null, CancellationToken.None);
        await services.GetRequiredService<IPlanStore>().PutAsync(PlanImporter.Import("jingdezhen", Samples.Read("jingdezhen.txt")).Catalog, null, CancellationToken.None);
        var engine = new RecordingEngine();
        var clock = new FixedClock(Beijing(y, m, d, h));
        var start = new StartCycleUseCase(services.GetRequiredService<IPlanStore>(), services.GetRequiredService<IDirectoryStore>(), services.GetRequiredService<AuditTrail>(), HolidayCn.Calendar(), clock);
        var starter = new CycleAutoStarter(services.GetRequiredService<IPlanStore>(), start, HolidayCn.Calendar(), clock, NullLogger<CycleAutoStarter>.Instance);

        IReadOnlyList<string> started = await starter.RunAsync(engine, CancellationToken.None);

        started.Should().Equal(starts ? ["jingdezhen-2020Q3"] : []);
        engine.Started.Select(i => (i.CycleId, i.Quarter, i.Policy.Kind)).Should().Equal(starts ? [("jingdezhen-2020Q3", "2020Q3", "default")] : []);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }

    private sealed class RecordingEngine : ICycleClient
    {
        public List<CycleInput> Started { get; } = [];

        public Task<bool> TryScheduleAsync(CycleInput input, CancellationToken cancellationToken)
        {
            Started.Add(input);
            return Task.FromResult(true);
        }

        public Task<CycleInstance?> GetAsync(string cycleId, CancellationToken cancellationToken) => Task.FromResult<CycleInstance?>(null);

        public Task RaiseAsync(string cycleId, CycleCommand command, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
