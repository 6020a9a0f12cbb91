using SixStability.Core.Plans.Documents;

namespace SixStability.Core.Plans.Forms;

/// <summary>When a plan was issued (印发日期), and the year its year-less deadlines take.</summary>
internal static class IssueDate
{
    /// <summary>The date of issue: the first date standing alone on a line before the plan's first task.</summary>
    public static (DateOnly? Issued, int? Year, List<PlanWarning> Warnings) Read(PlanDocument document)
    {
        var found = new List<PlanWarning>();
        DateOnly? issued = null;
        foreach (PlanParagraph p in document.Paragraphs)
        {
            string line = PlanLine.Clean(p.Text);
            if (PlanParser.UnitMention().IsMatch(line))
            {
                break;
            }

            if (PlanHeader.TryIssued(line, out DateOnly? date, out bool invalid))
            {
                if (invalid)
                {
                    found.Add(new(p.Line, $"印发日期无效：{line}"));
                    continue;
                }

                issued = date;
                break;
            }
        }

        IEnumerable<string> allText = document.Blocks.SelectMany(b => b switch
        {
            PlanParagraph p => [p.Text],
            PlanTable t => t.Rows.SelectMany(r => r.Cells.Select(c => c.Text)),
            _ => [],
        });
        return (issued, issued?.Year ?? PlanHeader.FirstYear(allText), found);
    }
}
