using SixStability.Core.Plans;
using SixStability.Core.Units;

namespace SixStability.Workflow.Tests.Rendering;

/// <summary>Text a person (or an attacker) could type anywhere: markup, a script, quotes, template syntax.</summary>
internal static class Hostile
{
    public const string Text = "<img src=x onerror=alert(1)>\"'&{{nope}}";

    /// <summary>What the text must become in HTML: every &lt; encoded, the braces left as text.</summary>
    public const string Encoded = "&lt;img src=x onerror=alert(1)&gt;";

    public static PlanCatalog Plan(PlanCatalog plan) => plan with
    {
        Title = "方案" + Text,
        Sections = [.. plan.Sections.Select(s => s with
        {
            Title = s.Title + Text,
            Tasks = [.. s.Tasks.Select(t => t with
            {
                Title = t.Title + Text,
                Text = t.Text + Text,
                Indicators = [.. t.Indicators.Select(i => i with { Name = i.Name + Text, Unit = i.Unit + Text })],
                Deadlines = [.. t.Deadlines.Select(d => d with { Text = d.Text + Text })],
            })],
        })],
    };

    /// <summary>Every unit renamed (its old name kept as an alias so the plan still resolves), every contact too.</summary>
    public static UnitDirectory Directory(UnitDirectory directory) => directory with
    {
        Coordinator = directory.Coordinator with { Name = directory.Coordinator.Name + Text },
        SupervisionOffice = directory.SupervisionOffice with { Name = directory.SupervisionOffice.Name + Text },
        SummaryRecipients = [.. directory.SummaryRecipients.Select(c => c with { Name = c.Name + Text })],
        Leaders = [.. directory.Leaders.Select(l => l with { Name = l.Name + Text })],
        Units = [.. directory.Units.Select(u => u with { Name = u.Name + Text, Aliases = [.. u.Aliases ?? [], u.Name] })],
    };

    /// <summary>The markup must never appear raw; where it appears, it is encoded.</summary>
    public static void ShouldBeEncodedIn(string html, string where)
    {
        html.Should().NotContain("<img", where);
        html.Should().NotContain("onerror=alert(1)>", where);
        html.Should().Contain(Encoded, where);
    }
}
