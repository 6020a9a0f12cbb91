using System.Text.RegularExpressions;
using SixStability.DevHost.Azurite;
using SixStability.DevHost.Cli;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Cli;

/// <summary>The demo plays its script whatever carries the mail (issue: with SendGrid it found no links in the sink and ended in an error).</summary>
public sealed partial class DemoTests
{
    [Fact]
    public async Task The_demo_plays_the_whole_cycle_with_SendGrid_and_leaves_the_summary_files()
    {
        await using SendGridRecorder recorder = await SendGridRecorder.StartAsync();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        int code = await DemoCommand.RunAsync([], stdout, stderr, new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{LoopbackPorts.Free()}",
            ["AzureWebJobsStorage"] = await SharedAzurite.ConnectionStringAsync(),
            ["Mail:Provider"] = "SendGrid",
            ["SendGrid:ApiKey"] = "SG.demo-test",
            ["SendGrid:Host"] = recorder.Address.ToString().TrimEnd('/'),
            ["Demo:SecondsPerDay"] = "3",
        });
        string output = stdout.ToString();
        string[] files = [.. SummaryFile().Matches(output).Select(m => m.Groups["path"].Value.Trim())];
        try
        {
            code.Should().Be(0, stderr.ToString() + output);
            output.Should().Contain("按时报送：").And.Contain("逾期补报：").And.Contain("周期已关闭");
            string[] categories = [.. recorder.Requests.Select(r => r.GetProperty("categories")[0].GetString()!).Distinct()];
            categories.Should().Contain(["open", "reminder", "escalation", "summary"]);
            files.Should().HaveCount(2).And.OnlyContain(f => File.Exists(f));
        }
        finally
        {
            foreach (string folder in files.Select(f => Path.GetDirectoryName(f)!).Distinct())
            {
                Directory.Delete(folder!, recursive: true);
            }
        }
    }

    [GeneratedRegex(@"^\s+(?<path>\S+summary\.(html|docx))\s*$", RegexOptions.Multiline)]
    private static partial Regex SummaryFile();
}
