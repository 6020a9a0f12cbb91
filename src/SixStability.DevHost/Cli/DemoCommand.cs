using System.Text;
using SixStability.Core.Calendar;
using SixStability.Core.Cycles;
using SixStability.Core.Plans;
using SixStability.Core.Text;
using SixStability.DevHost.Azurite;
using SixStability.DevHost.Hosting;

namespace SixStability.DevHost.Cli;

/// <summary>
/// <c>demo</c>: starts the DevHost (and Azurite), loads the sample directory and plan through the same
/// HTTP API a coordinator uses, reads the plan back and prints its catalog and first cycle's timeline.
/// </summary>
internal static class DemoCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? root = RepositoryRoot.Find();
        string samples = Path.Combine(root ?? Environment.CurrentDirectory, "samples");
        if (!File.Exists(Path.Combine(samples, "jingdezhen.txt")))
        {
            await stderr.WriteLineAsync($"找不到示例数据：{samples}（请在仓库内运行）。").ConfigureAwait(false);
            return 1;
        }

        await using WebApplication app = DevHostApp.Build(args);
        await app.StartAsync().ConfigureAwait(false);
        string baseUrl = app.Urls.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        string key = app.Configuration["Admin:Key"]!;
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        http.DefaultRequestHeaders.Add(AdminKeyFilter.Header, key);

        await stdout.WriteLineAsync($"DevHost 已启动：{baseUrl}（管理员密钥 {key}）").ConfigureAwait(false);
        if (!await PutAsync(http, "/api/directory", Path.Combine(samples, "directory.json"), "application/json", stdout, stderr).ConfigureAwait(false)
            || !await PutAsync(http, "/api/plans/jingdezhen", Path.Combine(samples, "jingdezhen.txt"), "text/plain", stdout, stderr).ConfigureAwait(false))
        {
            await app.StopAsync().ConfigureAwait(false);
            return 1;
        }

        PlanCatalog plan = (await http.GetFromJsonAsync<PlanCatalog>("/api/plans/jingdezhen", Json.Options).ConfigureAwait(false))!;
        await stdout.WriteLineAsync($"已导入《{plan.Title}》：{plan.Sections.Count} 个章节，{plan.Tasks.Count()} 项任务，{plan.Tasks.Sum(t => t.Indicators.Count)} 项量化指标，{plan.Tasks.Sum(t => t.Deadlines.Count)} 个时限。").ConfigureAwait(false);
        foreach (PlanTask task in plan.Tasks)
        {
            await stdout.WriteLineAsync($"  （{ChineseNumerals.Format(task.Number)}）{task.Title}　牵头：{task.LeadUnit}").ConfigureAwait(false);
        }

        Quarter first = Quarter.Containing(plan.Issued ?? new DateOnly(2020, 6, 30));
        CycleSchedule schedule = CycleScheduler.Plan(first, CyclePolicy.Default, app.Services.GetRequiredService<BusinessCalendar>());
        await stdout.WriteLineAsync($"首个报送周期 {schedule.Quarter}（{schedule.Quarter.ChineseName}）：").ConfigureAwait(false);
        foreach (ScheduleStep step in schedule.Steps)
        {
            await stdout.WriteLineAsync($"  {step.At:yyyy-MM-dd HH:mm}  {ScheduleCommand.Describe(step)}").ConfigureAwait(false);
        }

        await app.StopAsync().ConfigureAwait(false);
        await stdout.WriteLineAsync("演示完成。").ConfigureAwait(false);
        return 0;
    }

    private static async Task<bool> PutAsync(HttpClient http, string path, string file, string contentType, TextWriter stdout, TextWriter stderr)
    {
        using var content = new StringContent(await File.ReadAllTextAsync(file).ConfigureAwait(false), Encoding.UTF8, contentType);
        using HttpResponseMessage response = await http.PutAsync(new Uri(path, UriKind.Relative), content).ConfigureAwait(false);
        string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            await stderr.WriteLineAsync($"PUT {path} 失败（{(int)response.StatusCode}）：{body}").ConfigureAwait(false);
            return false;
        }

        await stdout.WriteLineAsync($"PUT {path} → {(int)response.StatusCode} {body}").ConfigureAwait(false);
        return true;
    }
}
