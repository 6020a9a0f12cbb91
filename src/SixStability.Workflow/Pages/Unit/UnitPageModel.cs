namespace SixStability.Workflow.Pages.Unit;

/// <summary>Everything the unit's page shows, read once per view.</summary>
/// <param name="Action">Where the page's forms post back to (<c>u?t=…</c>).</param>
/// <param name="Focus">The task (or 0, the extension card) the message belongs to.</param>
/// <param name="Typed">What the clerk typed into the focused task's form, shown again (after a refusal, or an upload).</param>
/// <param name="TypedIndicators">The focused task's indicator boxes exactly as typed, by indicator name.</param>
public sealed record UnitPageModel(
    UnitView View,
    string Action,
    DateOnly Today,
    IReadOnlyDictionary<int, IReadOnlyList<HistoryEntry>> Histories,
    ExtensionRequest? Extension,
    int? Focus = null,
    PageMessage? Message = null,
    SubmissionForm? Typed = null,
    IReadOnlyDictionary<string, string>? TypedIndicators = null)
{
    /// <summary>This cycle's 填报人 / 联系电话 / 审核领导, or last quarter's on offer.</summary>
    public ReportingContactView? Contact { get; init; }

    /// <summary>The contact as typed, shown again after a refusal.</summary>
    public ReportingContact? TypedContact { get; init; }

    public bool Open => View.Cycle.IsOpen;

    /// <summary>For each task the unit leads (牵头单位), its co-units' reports, to consolidate into the task's account.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<CoUnitReport>> CoUnits { get; init; } = new Dictionary<int, IReadOnlyList<CoUnitReport>>();

    /// <summary>For each task the unit leads, the dated deadlines it is asked about (是否按期完成).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<TaskDeadline>> Deadlines { get; init; } = new Dictionary<int, IReadOnlyList<TaskDeadline>>();

    /// <summary>What the unit last submitted, or last saved (draft or submission), for one task.</summary>
    public SavedForm? Last(int task, bool submittedOnly) =>
        Histories.GetValueOrDefault(task, []).LastOrDefault(h => (h.What == "submitted" || (!submittedOnly && h.What == "draft")) && h.Detail is { Length: > 0 }) is { } entry
            ? UnitReportQuery.SavedForm(entry)
            : null;

    /// <summary>还剩 3 个工作日 / 今天截止 / 已逾期; nothing once submitted.</summary>
    public string DaysLeft(Obligation obligation)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        if (obligation.State == ObligationState.Submitted)
        {
            return string.Empty;
        }

        if (Today > obligation.Due)
        {
            return "已逾期";
        }

        int left = StepDecisions.WorkingDaysLeft(Today, obligation.Due, View.Cycle.Calendar);
        return left > 0 ? $"还剩 {left} 个工作日" : "今天截止";
    }
}

/// <summary>A message beside a form: done, or why not with each field's problem.</summary>
public sealed record PageMessage(bool Ok, string Text, IReadOnlyList<FieldError> Errors);
