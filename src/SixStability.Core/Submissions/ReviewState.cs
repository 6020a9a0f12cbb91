namespace SixStability.Core.Submissions;

/// <summary>The words a reader sees for the coordinator's review of a submission (the 汇总表, the pane, the board).</summary>
public static class ReviewState
{
    /// <summary>Submitted and accepted by the coordinator as it stands (通过).</summary>
    public const string Accepted = "已审核";
}
