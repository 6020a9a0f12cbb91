namespace SixStability.Workflow.Pages.Unit;

/// <summary>A co-unit's (配合单位) part of a task the page's unit leads: its state and what it last submitted.</summary>
public sealed record CoUnitReport(string UnitId, string Name, Obligation Obligation, ReportText? Text);
