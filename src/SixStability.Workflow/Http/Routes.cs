using SixStability.Core.Units.Workbook;
using SixStability.Workflow.Pages;
using SixStability.Workflow.Pages.Coordinator;
using SixStability.Workflow.Pages.Plans;
using SixStability.Workflow.Pages.Unit;
using SixStability.Workflow.Pages.Year;
using T = SixStability.Workflow.Http.RouteTemplates;

namespace SixStability.Workflow.Http;

/// <summary>
/// The one route table (CONTRACT.md, README's tables): DevHost maps its endpoints from it, the Function
/// app's triggers are checked against it, and the OpenAPI document is drawn from it.
/// </summary>
public static class Routes
{
    private const string Json = "application/json";
    private const string Html = "text/html";
    private const string Docx = SummaryReports.DocxType;
    private const string PlanDocx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static readonly (string, string)[] IfMatch = [("If-Match", "上次读取时的 ETag；已被他人修改时答 409")];

    // Who may do what (README, "Who may do what"). The admin key acts as 协调员 everywhere.
    private static readonly RouteAccess Coordinator = RouteAccess.People(Role.Coordinator);
    private static readonly RouteAccess Overseers = RouteAccess.People(Role.Coordinator, Role.Supervision);
    private static readonly RouteAccess Board = RouteAccess.People(Role.Coordinator, Role.Supervision, Role.Leader);
    private static readonly RouteAccess Reports = RouteAccess.People(Role.Coordinator, Role.Supervision, Role.Viewer);
    private static readonly RouteAccess Everyone = RouteAccess.People(Role.Coordinator, Role.Supervision, Role.Leader, Role.Viewer);

    public static readonly IReadOnlyList<ApiRoute> All =
    [
        // Plans and the unit directory.
        new("PutPlan", "PUT", T.Plan, Coordinator, "导入方案（纯文本或方案目录 JSON）", c => c.Get<PlanHandlers>().PutAsync(c))
        {
            BodyMediaTypes = ["text/plain", Json], Response = typeof(PlanStored), SuccessStatus = 201, Headers = IfMatch, Audit = AuditAction.ImportPlan,
        },
        new("GetPlan", "GET", T.Plan, Overseers, "读取方案目录", c => c.Get<PlanHandlers>().GetAsync(c)) { Response = typeof(PlanCatalog) },
        new("UploadPlanDraft", "PUT", T.PlanDraft, Coordinator, "上传方案文件（纯文本 UTF-8/GB18030 或 .docx）生成待审核草稿，确认前不影响方案", c => c.Get<PlanDraftHandlers>().PutAsync(c))
        {
            BodyMediaTypes = ["text/plain", PlanDocx], Response = typeof(PlanDraftView), Query = [("fileName", "原文件名（可选，用于识别格式和显示）")],
        },
        new("GetPlanDraft", "GET", T.PlanDraft, Coordinator, "读取方案草稿：任务、责任单位的对应情况和建议、警告、尚待处理的问题", c => c.Get<PlanDraftHandlers>().GetAsync(c)) { Response = typeof(PlanDraftView) },
        new("CorrectPlanDraft", "POST", T.PlanDraftCorrections, Coordinator, "修改草稿一处（setUnits、acceptSuggestion、markTask、markNotTask、setTitle、setPlanTitle、setIndicatorKind）", c => c.Get<PlanDraftHandlers>().CorrectAsync(c))
        {
            Body = typeof(PlanCorrection), Response = typeof(PlanDraftView), Headers = IfMatch,
        },
        new("ConfirmPlanDraft", "POST", T.PlanDraftConfirm, Coordinator, "确认草稿为方案新版本（接受的建议作为别名加入单位名录）", c => c.Get<PlanDraftHandlers>().ConfirmAsync(c))
        {
            Response = typeof(PlanStored), SuccessStatus = 201, Headers = IfMatch, Audit = AuditAction.ImportPlan,
        },
        new("PutDirectory", "PUT", T.Directory, Coordinator, "导入单位名录（JSON 或 .xlsx 工作簿）", c => c.Get<DirectoryHandlers>().PutAsync(c))
        {
            BodyMediaTypes = [Json, DirectoryWorkbook.MediaType], Response = typeof(DirectoryStored), Headers = IfMatch, Audit = AuditAction.ReplaceDirectory,
        },
        new("GetDirectory", "GET", T.Directory, Overseers, "读取单位名录（JSON，或 format=xlsx 下载工作簿）", c => c.Get<DirectoryHandlers>().GetAsync(c))
        {
            Response = typeof(Core.Units.UnitDirectory), Query = [("format", "json 或 xlsx（默认 json）")],
        },

        // Cycles.
        new("StartCycle", "POST", T.Cycles, Coordinator, "启动报送周期（重复启动返回同一周期）", c => c.Get<CycleHandlers>().StartAsync(c))
        {
            Body = typeof(StartCycleCommand), Response = typeof(CycleAccepted), SuccessStatus = 202, Audit = AuditAction.StartCycle,
        },
        new("ListCycles", "GET", T.Cycles, Everyone, "所有报送周期，新季度在前", c => c.Get<CycleHandlers>().ListAsync(c)) { Response = typeof(IReadOnlyList<CycleSummaryView>) },
        new("GetCycle", "GET", T.Cycle, Board, "周期进度：时间表、计数、一页单位的进度（可筛选）、延期申请、发送失败的邮件（分管领导只见分管单位）", c => c.Get<CycleHandlers>().GetAsync(c))
        {
            Response = typeof(CycleView),
            Query =
            [
                ("page", "页码，从 1 开始（默认 1；超过末页时返回末页）"),
                ("size", $"每页单位数，1–{UnitPageAsk.MaxSize}（默认 {UnitPageAsk.DefaultSize}）"),
                ("late", "true：只列仍有未报送或逾期报送的单位"),
                ("name", "只列名称含此文字的单位"),
                ("state", "只列有此状态任务的单位：outstanding 未报送、draft 草稿、submitted 已报送、accepted 已审核"),
                ("level", $"只列最高督办级别为此的单位，0–{UnitPageAsk.MaxLevel}（0 为未督办）"),
                ("group", "只列此类别的单位：countyGovernment 县市区政府、parkCommittee 园区管委会、department 市直部门"),
                ("role", "lead：只列牵头某项任务的单位，co：只列配合某项任务的单位（各列计数随之只计牵头或配合的任务）"),
                ("sort", "各类别内的顺序：name 按名称（默认）、owed 按未报送数、level 按督办级别"),
            ],
        },
        new("GetCycleSummary", "GET", T.CycleSummary, Reports, "季度汇总报告（关闭后为正式稿，之前为预览）", c => c.Get<SummaryHandlers>().GetAsync(c))
        {
            ResponseMediaType = Html, Query = [("format", "html、docx、json 或 xlsx（汇总表，每个单位每项任务一行；默认 html）")],
        },
        new("GetPlanYear", "GET", T.PlanYear, Reports, "方案的年度考评：各单位各季度按时率、逾期、最高督办级别、退回、审核通过和得分，年度得分与排名（得分相同名次并列），拟表扬和拟问责及理由；进行中的季度按当前情况计", c => c.Get<YearHandlers>().GetAsync(c))
        {
            Response = typeof(YearReview), Query = [("format", "json（默认）、xlsx（年度排名）或 docx（年度报告）")],
        },
        new("ExtendCycle", "POST", T.CycleExtensions, Coordinator, "延长某单位的截止日期", c => c.Get<CycleHandlers>().ExtendAsync(c))
        {
            Body = typeof(ExtendAsk), Response = typeof(CommandAccepted), SuccessStatus = 202, Audit = AuditAction.ExtendCycle,
        },
        new("CloseCycle", "POST", T.CycleClose, Coordinator, "立即关闭周期并生成汇总报告", c => c.Get<CycleHandlers>().CloseAsync(c)) { Response = typeof(CommandAccepted), SuccessStatus = 202, Audit = AuditAction.CloseCycle },
        new("ResumeCycle", "POST", T.CycleResume, Coordinator, "恢复运行失败或中断的周期（从当前步骤继续，不重复发信）", c => c.Get<CycleHandlers>().ResumeAsync(c)) { Response = typeof(CycleAccepted), SuccessStatus = 202, Audit = AuditAction.ResumeCycle },
        new("CancelCycle", "POST", T.CycleCancel, Coordinator, "取消周期（不再发邮件，不生成汇总）", c => c.Get<CycleHandlers>().CancelAsync(c)) { Response = typeof(CommandAccepted), SuccessStatus = 202, Audit = AuditAction.CancelCycle },

        // The coordinator's review.
        new("ReadObligation", "GET", T.CycleObligation, Board, "某单位某项任务的报送、每次报送及与上一次的文字差异、指标目标、填报信息，以及同一任务和同一单位的上一份/下一份（分管领导只能读分管单位）", c => c.Get<ReviewHandlers>().ReadAsync(c)) { Response = typeof(ObligationReview) },
        new("AcceptSubmission", "POST", T.CycleAcceptance, Coordinator, "审核通过报送材料（已审核）；带 If-Match 时，读取后单位又重新报送或已退回则答 409", c => c.Get<ReviewHandlers>().AcceptAsync(c))
        {
            Response = typeof(AcceptDone), Headers = IfMatch, Audit = AuditAction.AcceptSubmission,
        },
        new("ReadAttachment", "GET", T.CycleAttachment, Board, "下载某单位的附件（分管领导只能读分管单位）", c => c.Get<ReviewHandlers>().DownloadAsync(c)) { ResponseMediaType = "application/octet-stream" },
        new("ReturnSubmission", "POST", T.CycleReturns, Coordinator, "退回报送材料（单位将收到退回理由）", c => c.Get<ReviewHandlers>().ReturnAsync(c))
        {
            Body = typeof(ReturnAsk), Response = typeof(ReturnDone), Headers = IfMatch, Audit = AuditAction.ReturnSubmission,
        },
        new("DecideExtensionRequest", "POST", T.CycleExtensionRequest, Coordinator, "审批单位的延期申请", c => c.Get<ReviewHandlers>().DecideExtensionAsync(c))
        {
            Body = typeof(DecisionAsk), Response = typeof(ExtensionDecided), SuccessStatus = 202, Audit = AuditAction.DecideExtension,
        },

        // The audit trail: every action by a person or key, as recorded by its use case.
        new("GetAudit", "GET", T.Audit, Overseers, "审计记录：谁在何时做了什么（按周期、人员、操作筛选；format=xlsx 导出）", c => c.Get<AuditHandlers>().GetAsync(c))
        {
            Response = typeof(IReadOnlyList<AuditEntry>), Query = [("cycle", "报送周期编号"), ("person", "操作人编号或姓名的一部分"), ("action", "操作类型（ImportPlan、StartCycle、ReturnSubmission …）"), ("format", "json（默认，最近 500 条）或 xlsx（全部导出）")],
        },

        // A unit's own routes: its signed link (Authorization: Bearer … or ?t=).
        new("GetMyObligations", "GET", T.MyObligations, RouteAccess.Unit, "本单位本周期的报送任务", c => c.Get<UnitHandlers>().ListAsync(c)) { Response = typeof(MyObligationsView) },
        new("SubmitMyObligation", "POST", T.MySubmission, RouteAccess.Unit, "报送（截止前可重新报送修改）", c => c.Get<UnitHandlers>().SubmitAsync(c))
        {
            Body = typeof(SubmissionForm), Response = typeof(ReportSaved), Headers = [.. IfMatch, ("Idempotency-Key", "同一键重复提交只保存一次")],
        },
        new("SaveMyDraft", "PUT", T.MyDraft, RouteAccess.Unit, "保存草稿", c => c.Get<UnitHandlers>().SaveDraftAsync(c))
        {
            Body = typeof(SubmissionForm), Response = typeof(ReportSaved), Headers = [.. IfMatch, ("Idempotency-Key", "同一键重复提交只保存一次")],
        },
        new("GetMyHistory", "GET", T.MyHistory, RouteAccess.Unit, "某项任务的全部草稿、报送、退回和督办记录", c => c.Get<UnitHandlers>().HistoryAsync(c)) { Response = typeof(IReadOnlyList<HistoryItem>) },
        new("GetMyContact", "GET", T.MyContact, RouteAccess.Unit, "本周期的填报人、联系电话、审核领导（未填时为上季度所填，remembered 为 true）", c => c.Get<UnitHandlers>().GetContactAsync(c)) { Response = typeof(ReportingContactView) },
        new("SaveMyContact", "PUT", T.MyContact, RouteAccess.Unit, "填写本周期的填报人、联系电话、审核领导", c => c.Get<UnitHandlers>().SaveContactAsync(c))
        {
            Body = typeof(Core.Submissions.ReportingContact), Response = typeof(ReportingContactView),
        },
        new("RequestExtension", "POST", T.MyExtensionRequest, RouteAccess.Unit, "申请延期", c => c.Get<UnitHandlers>().RequestExtensionAsync(c))
        {
            Body = typeof(ExtensionAsk), Response = typeof(ExtensionAsked), SuccessStatus = 202,
        },
        new("AttachFile", "POST", T.MyAttachments, RouteAccess.Unit, "上传附件（请求体为文件本身）", c => c.Get<UnitHandlers>().AttachAsync(c))
        {
            BodyMediaTypes = ["application/octet-stream"], Response = typeof(Attachment), SuccessStatus = 201, Query = [("name", "文件名（含扩展名）")], Headers = IfMatch,
        },
        new("GetMyAttachment", "GET", T.MyAttachment, RouteAccess.Unit, "下载本单位的附件", c => c.Get<UnitHandlers>().DownloadAsync(c)) { ResponseMediaType = "application/octet-stream" },
        new("DeleteMyAttachment", "DELETE", T.MyAttachment, RouteAccess.Unit, "删除本单位的附件", c => c.Get<UnitHandlers>().DetachAsync(c)) { Response = typeof(FilesLeft), Headers = IfMatch },

        // This description.
        new("GetOpenApi", "GET", T.OpenApi, RouteAccess.Anyone, "本 API 的 OpenAPI 3 描述", c => Task.FromResult(OpenApiDocument.Result)) { ResponseMediaType = Json },

        // Pages for people, outside /api.
        new("GetUnitPage", "GET", T.UnitPage, RouteAccess.Unit, "单位填报页面（邮件中的专属链接）", c => c.Get<UnitPageHandlers>().GetAsync(c)) { ResponseMediaType = Html, Query = [("t", "专属链接")] },
        new("PostUnitPage", "POST", T.UnitPage, RouteAccess.Unit, "单位填报页面的表单提交", c => c.Get<UnitPageHandlers>().PostAsync(c))
        {
            BodyMediaTypes = ["application/x-www-form-urlencoded", "multipart/form-data"], ResponseMediaType = Html, SuccessStatus = 303, Query = [("t", "专属链接")],
        },
        new("CoordinatorPage", "GET", T.CoordinatorPage, Everyone, "调度页面（按角色显示：协调员可操作，其他角色只读）", c => c.Get<CoordinatorPageHandlers>().GetAsync(c)) { ResponseMediaType = Html },
        new("PlansPage", "GET", T.PlansPage, Coordinator, "方案与单位名录：上传、核对草稿、确认", c => c.Get<PlansPageHandlers>().GetAsync(c)) { ResponseMediaType = Html },
        new("YearPage", "GET", T.YearPage, Reports, "年度考评页面：排名、得分图、拟表扬和拟问责、下载 .xlsx 和 .docx", c => c.Get<YearPageHandlers>().GetAsync(c))
        {
            ResponseMediaType = Html, Query = [("plan", "方案编号（不填时为最近有报送周期的方案）"), ("year", "年份，如 2020")],
        },
        new("GetAsset", "GET", T.Asset, RouteAccess.Anyone, "页面使用的样式表和脚本", Assets.GetAsync) { ResponseMediaType = "text/css" },
    ];

    public static ApiRoute Named(string name) => All.Single(r => r.Name == name);
}
