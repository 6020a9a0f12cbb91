using System.Diagnostics;
using BenchmarkDotNet.Running;
using SendGrid.Helpers.Mail;
using SixStability.Bench;
using SixStability.Infrastructure.Notifications;

// `dotnet run -c Release --project bench/SixStability.Bench -- quick` prints one measured line;
// anything else goes to BenchmarkDotNet (e.g. `-- --filter *SendGrid*`).
if (args is ["quick"])
{
    var bench = new SendGridRequestsBenchmark { Units = 20_000 };
    bench.Setup();
    bench.BuildAndSerialize(); // warm up
    var watch = Stopwatch.StartNew();
    int bytes = bench.BuildAndSerialize();
    watch.Stop();
    // Count requests separately so the timing above is of the real work only.
    var field = typeof(SendGridRequestsBenchmark).GetField("batch", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;
    var batch = (SixStability.Core.Notifications.MailBatch)field.GetValue(bench)!;
    int requests = SendGridRequests.Build(batch, batch.Recipients, new EmailAddress("lwlb@example.gov.cn"), 1000).Count;
    Console.WriteLine($"20000 units -> {requests} SendGrid requests, {bytes / 1024 / 1024.0:F1} MiB of JSON, built and serialized in {watch.ElapsedMilliseconds} ms");
    return 0;
}

if (args is ["history", var count, .. var rest])
{
    // `history N [SUBMITTED%] [--tasks T] [--ports BLOB,QUEUE,TABLE] [--url URL]`
    int submitted = rest is [var pct, ..] && !pct.StartsWith("--", StringComparison.Ordinal) ? int.Parse(pct, System.Globalization.CultureInfo.InvariantCulture) : 0;
    await HistorySize.RunAsync(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), submitted, rest);
    return 0;
}

if (args is ["summary", var size, .. var more])
{
    await SummaryCompile.RunAsync(int.Parse(size, System.Globalization.CultureInfo.InvariantCulture), more is [var share] ? int.Parse(share, System.Globalization.CultureInfo.InvariantCulture) : 70);
    return 0;
}

if (args is ["fuzz", var fuzzCases, .. var fuzzSeed])
{
    return await RouteFuzz.RunAsync(int.Parse(fuzzCases, System.Globalization.CultureInfo.InvariantCulture), fuzzSeed is [var seed] ? int.Parse(seed, System.Globalization.CultureInfo.InvariantCulture) : 20201014);
}

if (args is ["scale", var scaleSize, .. var scaleOptions])
{
    return await ScaleBench.RunAsync(int.Parse(scaleSize, System.Globalization.CultureInfo.InvariantCulture), scaleOptions);
}

if (args is ["plan", var planTasks])
{
    PlanImportBench.Run(int.Parse(planTasks, System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

if (args is ["record-fixtures", var devHost, var folder, var label])
{
    return await SixStability.Bench.Releases.RecordFixtures.RunAsync(devHost, folder, label);
}

if (args is ["upgrade", var previousDevHost, var currentDevHost])
{
    return await SixStability.Bench.Releases.UpgradeMidCycle.RunAsync(previousDevHost, currentDevHost);
}

BenchmarkSwitcher.FromAssembly(typeof(SendGridRequestsBenchmark).Assembly).Run(args);
return 0;
