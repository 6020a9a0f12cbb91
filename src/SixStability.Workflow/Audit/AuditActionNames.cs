namespace SixStability.Workflow.Audit;

/// <summary>How an audited action reads in Chinese (the page, the .xlsx).</summary>
public static class AuditActionNames
{
    public static string Chinese(this AuditAction action) => action switch
    {
        AuditAction.ImportPlan => "导入方案",
        AuditAction.ReplaceDirectory => "更新单位名录",
        AuditAction.StartCycle => "启动周期",
        AuditAction.ExtendCycle => "延期",
        AuditAction.CloseCycle => "关闭周期",
        AuditAction.CancelCycle => "取消周期",
        AuditAction.ResumeCycle => "恢复运行",
        AuditAction.ReturnSubmission => "退回",
        AuditAction.AcceptSubmission => "审核通过",
        _ => "审批延期申请",
    };
}
