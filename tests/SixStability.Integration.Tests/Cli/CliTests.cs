using System.Text.Json;
using SixStability.DevHost.Cli;
using SixStability.Integration.Tests.Support;

namespace SixStability.Integration.Tests.Cli;

/// <summary>The DevHost commands a script relies on: JSON alone on stdout, messages on stderr.</summary>
public sealed class CliTests
{
    private static (int Code, string Out, string Err) Run(Func<TextWriter, TextWriter, int> command)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = command(stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Plan_import_prints_only_the_catalog_json_on_stdout()
    {
        (int code, string output, string errors) = Run((o, e) => PlanImportCommand.Run([Samples.Path("jingdezhen.txt"), "--json"], o, e));

        code.Should().Be(0);
        errors.Should().BeEmpty();
        using JsonDocument doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("planId").GetString().Should().Be("jingdezhen");
        doc.RootElement.GetProperty("issued").GetString().Should().Be("2020-06-03");
        doc.RootElement.GetProperty("sections").EnumerateArray().Sum(s => s.GetProperty("tasks").GetArrayLength()).Should().Be(22);
        output.Should().Contain("\"units\": [\n", "indented for people").And.Contain("各县〔市、区〕政府");
    }

    [Fact]
    public void Plan_import_warnings_go_to_stderr_and_the_json_stays_clean()
    {
        string file = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, "某市方案\n2020年6月3日\n二、保就业\n(一)稳岗。内容。");
        try
        {
            (int code, string output, string errors) = Run((o, e) => PlanImportCommand.Run([file, "--id", "demo", "--json"], o, e));

            code.Should().Be(0);
            JsonDocument.Parse(output).RootElement.GetProperty("planId").GetString().Should().Be("demo");
            errors.Should().Contain("警告：第4行：任务（一）未找到“（责任单位：……）”");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Plan_import_of_an_empty_file_is_a_plain_message_and_exit_1()
    {
        string file = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, string.Empty);
        try
        {
            (int code, string output, string errors) = Run((o, e) => PlanImportCommand.Run([file, "--json"], o, e));

            code.Should().Be(1);
            output.Should().BeEmpty();
            errors.Trim().Should().Be("无法导入方案：方案文本为空。");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Plan_import_of_a_missing_file_says_so()
    {
        (int code, _, string errors) = Run((o, e) => PlanImportCommand.Run(["no-such-file.txt", "--json"], o, e));

        code.Should().Be(1);
        errors.Should().Contain("找不到文件：no-such-file.txt");
    }

    [Fact]
    public void Schedule_prints_the_contract_json_for_2020Q3()
    {
        (int code, string output, _) = Run((o, e) => ScheduleCommand.Run(["--quarter", "2020Q3", "--json"], null, o, e));

        code.Should().Be(0);
        using JsonDocument doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("quarter").GetString().Should().Be("2020Q3");
        JsonElement[] steps = [.. doc.RootElement.GetProperty("steps").EnumerateArray()];
        steps.Select(s => s.GetProperty("kind").GetString()).Should().Equal("open", "reminder", "reminder", "reminder", "due", "escalation", "escalation", "escalation", "close");
        steps[4].GetProperty("at").GetString().Should().Be("2020-10-14T18:00:00+08:00");
        steps[1].GetProperty("at").GetString().Should().Be("2020-10-10T09:00:00+08:00");
        steps[5].GetProperty("level").GetInt32().Should().Be(1);
        steps[0].TryGetProperty("level", out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("2020Q5", "季度“2020Q5”无效")]
    [InlineData("2026Q4", "2027年的节假日和调休安排尚未发布")]
    public void Schedule_with_a_bad_quarter_or_a_missing_year_is_a_plain_message(string quarter, string message)
    {
        (int code, string output, string errors) = Run((o, e) => ScheduleCommand.Run(["--quarter", quarter, "--json"], null, o, e));

        code.Should().Be(1);
        output.Should().BeEmpty();
        errors.Should().Contain(message);
    }

    [Fact]
    public void Schedule_reads_an_operator_added_year_from_the_holidays_folder()
    {
        string folder = Directory.CreateTempSubdirectory("holidays").FullName;
        File.WriteAllText(Path.Combine(folder, "2027.json"), """{ "year": 2027, "papers": [], "days": [ { "name": "元旦", "date": "2027-01-01", "isOffDay": true } ] }""");
        try
        {
            (int code, string output, _) = Run((o, e) => ScheduleCommand.Run(["--quarter", "2026Q4", "--json"], folder, o, e));

            code.Should().Be(0);
            // 2026-12-31 is a Thursday; 2027-01-01 is off; open Monday 01-04, due Friday 01-08.
            output.Should().Contain("\"at\": \"2027-01-04T09:00:00+08:00\"").And.Contain("\"at\": \"2027-01-08T18:00:00+08:00\"");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
