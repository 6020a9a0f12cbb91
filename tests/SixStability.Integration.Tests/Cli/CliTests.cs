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
        File.WriteAllText(file, "某市方案\n2020年6月3日\n二、保就业\n(一)稳岗。内容。\n(三)扩岗。内容。(责任单位:市人社局)");
        try
        {
            (int code, string output, string errors) = Run((o, e) => PlanImportCommand.Run([file, "--id", "demo", "--json"], o, e));

            code.Should().Be(0);
            JsonDocument.Parse(output).RootElement.GetProperty("planId").GetString().Should().Be("demo");
            errors.Should().Contain("警告：第5行：任务编号不连续：应为（二），实为（三）。")
                .And.Contain("未列为任务：第4行 （一）稳岗（未写责任单位）");
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
            errors.Trim().Should().Be("无法导入方案：文件为空。");
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
    public void Plan_import_reads_a_GBK_text_file_and_a_docx_to_the_same_json_as_the_UTF8_seed()
    {
        string seed = Samples.Read("jingdezhen.txt");
        string folder = Directory.CreateTempSubdirectory("plans").FullName;
        string gbk = Path.Combine(folder, "jingdezhen-gbk.txt");
        string docx = Path.Combine(folder, "jingdezhen.docx");
        File.WriteAllBytes(gbk, System.Text.CodePagesEncodingProvider.Instance.GetEncoding(936)!.GetBytes(seed));
        File.WriteAllBytes(docx, WordFiles.Docx(seed.Split('\n')));
        try
        {
            (_, string expected, _) = Run((o, e) => PlanImportCommand.Run([Samples.Path("jingdezhen.txt"), "--json"], o, e));

            foreach (string file in new[] { gbk, docx })
            {
                (int code, string output, string errors) = Run((o, e) => PlanImportCommand.Run([file, "--id", "jingdezhen", "--json"], o, e));

                code.Should().Be(0);
                errors.Should().BeEmpty();
                output.Should().Be(expected);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("方案.doc", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0 }, "旧版 Word 文档（.doc）")]
    [InlineData("方案.wps", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0 }, "WPS 文字文档（.wps）")]
    [InlineData("方案.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "PDF")]
    public void Plan_import_of_a_doc_wps_or_pdf_is_a_plain_message_to_save_as_docx_and_exit_1(string name, byte[] content, string says)
    {
        string folder = Directory.CreateTempSubdirectory("plans").FullName;
        string file = Path.Combine(folder, name);
        File.WriteAllBytes(file, content);
        try
        {
            (int code, string output, string errors) = Run((o, e) => PlanImportCommand.Run([file, "--json"], o, e));

            code.Should().Be(1);
            output.Should().BeEmpty();
            errors.Should().StartWith("无法导入方案：").And.Contain(says).And.Contain("另存为").And.Contain(".docx");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Plan_import_with_the_directory_names_the_units_it_does_not_know_and_what_they_may_be()
    {
        string file = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.txt");
        File.WriteAllText(file, "某市方案\n2020年6月3日\n二、保就业\n(一)稳岗。内容。(牵头单位:市人力资源和社会保障局;配合单位:市财政局)");
        try
        {
            (int code, string output, string errors) = Run((o, e) => PlanImportCommand.Run([file, "--json", "--directory", Samples.Path("directory.json")], o, e));

            code.Should().Be(0);
            JsonDocument.Parse(output).RootElement.GetProperty("sections")[0].GetProperty("tasks")[0].GetProperty("units").EnumerateArray()
                .Select(u => u.GetString()).Should().Equal("市人力资源和社会保障局", "市财政局");
            errors.Trim().Should().Be("名录中没有：市人力资源和社会保障局，可能是：市人社局（简称相同（市人社局））");
        }
        finally
        {
            File.Delete(file);
        }
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
