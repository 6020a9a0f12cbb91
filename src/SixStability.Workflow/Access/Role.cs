namespace SixStability.Workflow.Access;

/// <summary>
/// What a signed-in person may do: the Entra ID app roles of the app registration, mapped in configuration
/// (<c>Auth:Roles:*</c>); on DevHost the role of the person chosen at the local sign-in. A unit is not a
/// role: it acts through its signed link.
/// </summary>
public enum Role
{
    /// <summary>协调员: the 市发改委 coordinator — everything.</summary>
    Coordinator,

    /// <summary>督查室: the 市政府督查室 — reads every unit, the escalations and the audit trail; changes nothing.</summary>
    Supervision,

    /// <summary>分管领导: a city leader — reads the board and reports of the units the directory assigns them.</summary>
    Leader,

    /// <summary>查看: reads the quarterly reports only.</summary>
    Viewer,
}
