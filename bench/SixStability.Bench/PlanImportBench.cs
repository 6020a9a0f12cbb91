using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SixStability.Core.Plans;
using SixStability.Core.Plans.Documents;
using SixStability.Core.Plans.Review;
using SixStability.Core.Text;
using SixStability.Core.Units;

namespace SixStability.Bench;

/// <summary>
/// <c>plan TASKS</c>: a generated .docx plan of TASKS tasks in sections of 50, each section in one of the five
/// forms (责任单位 clause, 牵头/配合 clause, A、B负责 under a group heading, unit and deadline lines, a task
/// table), against a 300-unit directory in which one name in ten is written differently (suggestions are
/// computed for those). Times reading the file, drafting it (parse + resolve + suggestions) and confirming it (after accepting the
/// first suggestion for each unknown name, not timed).
/// </summary>
internal static class PlanImportBench
{
    private const int PerSection = 50;
    private const int Units = 300;

    public static void Run(int tasks)
    {
        byte[] docx = Generate(tasks);
        UnitDirectory directory = Directory();
        Measure(docx, directory); // warm up: JIT and regex construction
        (TimeSpan read, TimeSpan draft, TimeSpan confirm, PlanDraft result, int unknown) = Measure(docx, directory);

        int found = result.Tasks.Count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{tasks} tasks ({docx.Length / 1024} KiB .docx, {result.Sections.Count} sections, 5 forms): read {read.TotalMilliseconds:F0} ms, draft {draft.TotalMilliseconds:F0} ms, confirm {confirm.TotalMilliseconds:F0} ms, total {(read + draft + confirm).TotalMilliseconds:F0} ms; {found} tasks found, {unknown} names not in the directory given suggestions and accepted"));
        if (found != tasks)
        {
            string missing = string.Join("; ", result.NotTasks.Take(5).Select(i => $"{i.Location} {i.Label}{i.Title} [{i.Text}]"));
            throw new InvalidOperationException($"Expected {tasks} tasks, found {found}; not tasks: {missing}");
        }
    }

    private static (TimeSpan Read, TimeSpan Draft, TimeSpan Confirm, PlanDraft Result, int Unknown) Measure(byte[] docx, UnitDirectory directory)
    {
        var watch = Stopwatch.StartNew();
        PlanDocument document = PlanDocument.Read(docx, "bench.docx", null).Value ?? throw new InvalidOperationException("refused");
        TimeSpan read = watch.Elapsed;
        PlanDraft draft = PlanDraft.Create("bench", document, directory).Value ?? throw new InvalidOperationException("refused");
        TimeSpan drafted = watch.Elapsed - read;
        int unknownNames = draft.Unknown.Count();
        foreach (UnitResolution unknown in draft.Unknown.ToList())
        {
            draft = draft.Apply(new AcceptSuggestion(unknown.Name, unknown.Suggestions![0].UnitId), directory).Value!;
        }

        TimeSpan beforeConfirm = watch.Elapsed;
        PlanResult<PlanConfirmation> confirmed = draft.Confirm(directory);
        if (confirmed.IsRefused)
        {
            throw new InvalidOperationException(confirmed.Refusal.Message);
        }

        return (read, drafted, watch.Elapsed - beforeConfirm, draft, unknownNames);
    }

    private static UnitDirectory Directory() => new(
        new Contact("市发改委", "fgw@example.gov.cn"), new Contact("市政府督查室", "dcs@example.gov.cn"), [new Contact("市政府办公室", "szfb@example.gov.cn")],
        [new Leader("vm", "张强", "副市长", "vm@example.gov.cn")],
        [.. Enumerable.Range(1, Units).Select(i => new Unit($"u{i:D3}", Name(i), UnitKind.Department, $"u{i:D3}@example.gov.cn", "vm"))],
        [new UnitGroup("各县（市、区）政府", ["u001", "u002"])]);

    private static string Name(int i) => $"市第{ChineseNumerals.Format(i)}局";

    /// <summary>A unit name as the plan writes it: one in ten without its 市 prefix (not in the directory).</summary>
    private static string Written(int task, int offset)
    {
        int unit = ((task * 7) + (offset * 13)) % Units + 1;
        return (task + offset) % 10 == 0 ? Name(unit)[1..] : Name(unit);
    }

    private static byte[] Generate(int tasks)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var body = new Body();
            document.AddMainDocumentPart().Document = new Document(body);
            body.Append(P("基准市稳就业保民生工作实施方案"), P("2021年3月1日"));
            for (int section = 0; section * PerSection < tasks; section++)
            {
                int count = Math.Min(PerSection, tasks - (section * PerSection));
                body.Append(P($"{ChineseNumerals.Format(section + 1)}、第{ChineseNumerals.Format(section + 1)}部分重点任务"));
                for (int k = 1; k <= count; k++)
                {
                    int t = (section * PerSection) + k;
                    string measures = $"推进第{t}项工作。今年新增就业{t}人，完成改造{k}个，2021年{(k % 12) + 1}月底前完成阶段任务。";
                    switch (section % 5)
                    {
                        case 0:
                            body.Append(P($"（{ChineseNumerals.Format(k)}）任务{t}。{measures}（责任单位：{Written(t, 0)}、{Written(t, 1)}，各县〔市、区〕政府）"));
                            break;
                        case 1:
                            body.Append(P($"（{ChineseNumerals.Format(k)}）任务{t}。{measures}（牵头单位：{Written(t, 0)}；配合单位：{Written(t, 1)}、{Written(t, 2)}）"));
                            break;
                        case 2:
                            if (k == 1)
                            {
                                body.Append(P("（一）强化保障"));
                            }

                            body.Append(P($"{k}.任务{t}。{measures}（{Written(t, 0)}牵头，{Written(t, 1)}、{Written(t, 2)}参与）"));
                            break;
                        case 3:
                            body.Append(P($"{k}.任务{t}。{measures}"), P($"牵头单位：{Written(t, 0)}"), P($"配合单位：{Written(t, 1)}"), P("完成时限：2021年12月底前"));
                            break;
                        default:
                            if (k == 1)
                            {
                                body.Append(Table(section, count));
                            }

                            break;
                    }
                }
            }
        }

        return stream.ToArray();
    }

    private static Table Table(int section, int count)
    {
        var table = new Table(Row("序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限"));
        for (int k = 1; k <= count; k++)
        {
            int t = (section * PerSection) + k;
            table.Append(Row(k.ToString(CultureInfo.InvariantCulture), $"任务{t}", $"推进第{t}项工作。新增就业{t}人。", Written(t, 0), $"{Written(t, 1)}、{Written(t, 2)}", "2021年6月底前"));
        }

        return table;
    }

    private static TableRow Row(params string[] cells) => new(cells.Select(c => new TableCell(P(c))));

    private static Paragraph P(string text) => new(new Run(new Text(text)));
}
