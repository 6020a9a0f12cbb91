using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SixStability.DevHost.Azurite;
using SixStability.DevHost.Hosting;

namespace SixStability.DevHost.Cli;

internal static partial class DemoCommand
{
    private const double SecondsPerDay = 6; // the 11-day timeline in about 70 seconds

    /// <summary>The demo's robots: names the directory uses, keys only the DevHost's stand-in robots check (not secrets).</summary>
    private const string CountyRobot = "demo_counties";
    private const string OfficeRobot = "demo_fgw";

    /// <param name="overrides">Configuration on top of the environment's (tests point the mail at a recorder and speed the clock).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IDictionary<string, string?>? overrides = null)
    {
        string root = RepositoryRoot.Find() ?? Environment.CurrentDirectory;
        string samples = Path.Combine(root, "samples");
        if (!File.Exists(Path.Combine(samples, "jingdezhen.txt")))
        {
            await stderr.WriteLineAsync($"找不到示例数据：{samples}（请在仓库内运行）。").ConfigureAwait(false);
            return 1;
        }

        // Each run gets its own tables, task hub, mail folder and output folder, so a demo can be run again and again.
        string run = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        string mail = Path.Combine(root, ".devdata", "mail", "demo-" + run);
        string output = Path.Combine(root, ".devdata", "demo-" + run);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:TablePrefix"] = "demo" + run,
            ["Mail:SinkPath"] = mail,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Channels:WeCom:Host"] = "devhost",
            [$"Channels:WeCom:Robots:{CountyRobot}"] = "demo-wecom-key",
            ["Channels:DingTalk:Host"] = "devhost",
            [$"Channels:DingTalk:Robots:{OfficeRobot}:AccessToken"] = "demo-dingtalk-token",
            [$"Channels:DingTalk:Robots:{OfficeRobot}:Secret"] = "SECdemo-signing-secret-not-a-secret",
        };
        foreach ((string key, string? value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        await using WebApplication app = DevHostApp.Build(args, settings);
        await app.StartAsync().ConfigureAwait(false);
        double secondsPerDay = app.Configuration.GetValue("Demo:SecondsPerDay", SecondsPerDay);
        string provider = app.Configuration["Mail:Provider"] is { Length: > 0 } p ? p : "Sink";
        bool sink = provider.Equals("Sink", StringComparison.OrdinalIgnoreCase);
        string baseUrl = app.Urls.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        http.DefaultRequestHeaders.Add(CallerResolver.KeyHeader, app.Configuration["Admin:Key"]);
        await stdout.WriteLineAsync(sink
            ? $"DevHost 已启动：{baseUrl}；邮件写入 {mail}（也可在 {baseUrl}/dev/mail 查看）"
            : $"DevHost 已启动：{baseUrl}；邮件经 {provider} 发出").ConfigureAwait(false);

        await PutAsync(http, "/api/directory", WithRobots(File.ReadAllText(Path.Combine(samples, "directory.json"))), "application/json").ConfigureAwait(false);
        await stdout.WriteLineAsync($"群机器人：各县（市、区）政府的企业微信群（{CountyRobot}），市发改委和市长办公室的钉钉群（{OfficeRobot}），消息与邮件一同在 {baseUrl}/dev/mail 查看。").ConfigureAwait(false);
        JsonElement plan = await PutAsync(http, "/api/plans/jingdezhen", File.ReadAllText(Path.Combine(samples, "jingdezhen.txt")), "text/plain").ConfigureAwait(false);
        await stdout.WriteLineAsync($"已导入方案《{plan.GetProperty("title").GetString()}》：{plan.GetProperty("tasks").GetInt32()} 项任务，{plan.GetProperty("indicators").GetInt32()} 项量化指标。").ConfigureAwait(false);

        const string cycleId = "jingdezhen-2020Q3";
        await PostAsync(http, "/api/cycles", $$"""{ "planId": "jingdezhen", "quarter": "2020Q3", "policy": { "kind": "demo", "secondsPerDay": {{secondsPerDay.ToString(CultureInfo.InvariantCulture)}} } }""").ConfigureAwait(false);
        await stdout.WriteLineAsync($"已启动演示周期 {cycleId}（时间轴压缩：1 个工作日 = {secondsPerDay} 秒）。").ConfigureAwait(false);

        // Each unit follows the link its opening mail carries; the script asks the signer for the same
        // link rather than reading it back from the mail, so it plays the same whatever carries the mail.
        Dictionary<string, string> links = await UnitLinksAsync(http, app.Services.GetRequiredService<ILinkSigner>(), cycleId).ConfigureAwait(false);
        string[] units = [.. links.Keys.Order(StringComparer.Ordinal)];
        string[] onTime = units.Where((_, i) => i % 3 != 2).ToArray();   // two thirds report in time
        string[] late = units.Where((_, i) => i % 6 == 2).ToArray();     // some after the first escalation
        await stdout.WriteLineAsync($"脚本：{onTime.Length} 个单位按时报送，{late.Length} 个单位逾期后补报，{units.Length - onTime.Length - late.Length} 个单位始终未报（将逐级督办）。").ConfigureAwait(false);
        int submitted = await SubmitAllAsync(http, links, onTime).ConfigureAwait(false);
        await stdout.WriteLineAsync($"按时报送：{submitted} 项。").ConfigureAwait(false);

        bool lateDone = false;
        string lastLine = string.Empty;
        bool closed = false;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(4))
        {
            JsonElement cycle = await GetAsync(http, $"/api/cycles/{cycleId}").ConfigureAwait(false);
            string step = cycle.TryGetProperty("step", out JsonElement s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "opening";
            if (cycle.TryGetProperty("counts", out JsonElement c))
            {
                string line = $"[{clock.Elapsed:mm\\:ss}] 步骤 {Describe(step)}：已报 {c.GetProperty("submitted").GetInt32()}/{c.GetProperty("obligations").GetInt32()}，逾期报送 {c.GetProperty("late").GetInt32()}，督办 黄{c.GetProperty("level1").GetInt32()} 橙{c.GetProperty("level2").GetInt32()} 红{c.GetProperty("level3").GetInt32()}";
                if (line[8..] != lastLine)
                {
                    await stdout.WriteLineAsync(line).ConfigureAwait(false);
                    lastLine = line[8..];
                }

                // After the first escalation, or whichever came first on a machine slower than the timeline.
                if (!lateDone && step.StartsWith("escalation", StringComparison.Ordinal))
                {
                    int n = await SubmitAllAsync(http, links, late).ConfigureAwait(false);
                    await stdout.WriteLineAsync($"逾期补报：{n} 项（标记为逾期）。").ConfigureAwait(false);
                    lateDone = true;
                }

                if (cycle.GetProperty("status").GetString() == "closed" && cycle.GetProperty("runtime").GetString() == "Completed")
                {
                    closed = true;
                    break;
                }
            }

            await Task.Delay(1000).ConfigureAwait(false);
        }

        if (!closed)
        {
            await app.StopAsync().ConfigureAwait(false);
            await stderr.WriteLineAsync("演示未在 4 分钟内结束。").ConfigureAwait(false);
            return 1;
        }

        // The stored summary, as the coordinator downloads it from /coord.
        Directory.CreateDirectory(output);
        var files = new List<string>();
        foreach (string format in new[] { "html", "docx", "xlsx" })
        {
            string path = Path.Combine(output, $"summary.{format}");
            await File.WriteAllBytesAsync(path, await http.GetByteArrayAsync(new Uri($"/api/cycles/{cycleId}/summary?format={format}", UriKind.Relative)).ConfigureAwait(false)).ConfigureAwait(false);
            files.Add(path);
        }

        await app.StopAsync().ConfigureAwait(false);

        await stdout.WriteLineAsync("周期已关闭，季度汇总已发出。").ConfigureAwait(false);
        string[] summaries = sink && Directory.Exists(mail) ? Directory.GetFiles(mail, "*-summary-*.eml") : [];
        if (sink)
        {
            await stdout.WriteLineAsync($"共发出 {Directory.GetFiles(mail, "*.eml").Length} 封邮件。季度汇总（邮件，.eml）：").ConfigureAwait(false);
            foreach (string summary in summaries)
            {
                await stdout.WriteLineAsync("  " + summary).ConfigureAwait(false);
            }
        }

        string[] robotMessages = Directory.Exists(mail) ? Directory.GetFiles(mail, "*" + RobotSink.FileSuffix) : [];
        await stdout.WriteLineAsync($"群机器人消息 {robotMessages.Length} 条（企业微信 {robotMessages.Count(f => f.Contains("-wecom-", StringComparison.Ordinal))}，钉钉 {robotMessages.Count(f => f.Contains("-dingtalk-", StringComparison.Ordinal))}），在 {mail}（*{RobotSink.FileSuffix}）。").ConfigureAwait(false);
        await stdout.WriteLineAsync("季度汇总报告（网页 / Word）：").ConfigureAwait(false);
        foreach (string file in files)
        {
            await stdout.WriteLineAsync("  " + file).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>
    /// The sample directory with the demo's robots: the county governments on one WeCom group (浮梁县's 联络员 @'d
    /// by mobile: it never reports in the demo, so every reminder and escalation reaches them), the coordinator and
    /// the mayor on one DingTalk group. The sample file itself names no robot, so it loads where none is configured.
    /// </summary>
    private static string WithRobots(string directoryJson)
    {
        JsonNode root = JsonNode.Parse(directoryJson)!;
        foreach (JsonNode? unit in root["units"]!.AsArray())
        {
            if (unit!["kind"]!.GetValue<string>() == "countyGovernment")
            {
                bool flx = unit["id"]!.GetValue<string>() == "flx";
                unit["channels"] = new JsonArray(flx
                    ? new JsonObject { ["kind"] = "wecom", ["robot"] = CountyRobot, ["mobiles"] = new JsonArray("13800000001") }
                    : new JsonObject { ["kind"] = "wecom", ["robot"] = CountyRobot });
            }
        }

        root["coordinator"]!["channels"] = new JsonArray(new JsonObject { ["kind"] = "dingtalk", ["robot"] = OfficeRobot, ["mobiles"] = new JsonArray("13900000002") });
        foreach (JsonNode? leader in root["leaders"]!.AsArray().Where(l => l!["id"]!.GetValue<string>() == "mayor"))
        {
            leader!["channels"] = new JsonArray(new JsonObject { ["kind"] = "dingtalk", ["robot"] = OfficeRobot });
        }

        return root.ToJsonString();
    }

    private static string Describe(string step) => step switch
    {
        "open" => "开启",
        "closed" => "已关闭",
        _ when step.StartsWith("reminder", StringComparison.Ordinal) => "催报",
        _ when step.StartsWith("escalation", StringComparison.Ordinal) => $"第{step[10]}级督办",
        _ => step,
    };

    [GeneratedRegex(@"/u\?t=(?<t>[A-Za-z0-9_%.\-]+)")]
    private static partial Regex LinkPattern();
}
