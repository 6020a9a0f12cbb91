using SixStability.Core.Plans;
using SixStability.Core.Submissions;
using SixStability.Core.Units.Workbook;
using SixStability.Workflow.Cycles;
using SixStability.Workflow.Pages;
using SixStability.Workflow.Pages.Coordinator;
using SixStability.Workflow.Pages.Unit;
using SixStability.Workflow.Plans;
using SixStability.Workflow.Reports;
using SixStability.Workflow.Reviews;
using SixStability.Workflow.Submissions;
using SixStability.Workflow.Units;
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
    private static readonly (string, string)[] IfMatch = [("If-Match", "上次读取时的 ETag；已被他人修改时答 409")];

    public static readonly IReadOnlyList<ApiRoute> All =
    [
        // Plans and the unit directory.
        new("PutPlan", "PUT", T.Plan, RouteAccess.Coordinator, "导入方案（纯文本或方案目录 JSON）", c => c.Get<PlanHandlers>().PutAsync(c))
        {
            BodyMediaTypes = ["text/plain", Json], Response = typeof(PlanStored), SuccessStatus = 201, Headers = IfMatch,
        },
        new("GetPlan", "GET", T.Plan, RouteAccess.Coordinator, "读取方案目录", c => c.Get<PlanHandlers>().GetAsync(c)) { Response = typeof(PlanCatalog) },
        new("PutDirectory", "PUT", T.Directory, RouteAccess.Coordinator, "导入单位名录（JSON 或 .xlsx 工作簿）", c => c.Get<DirectoryHandlers>().PutAsync(c))
        {
            BodyMediaTypes = [Json, DirectoryWorkbook.MediaType], Response = typeof(DirectoryStored), Headers = IfMatch,
        },
        new("GetDirectory", "GET", T.Directory, RouteAccess.Coordinator, "读取单位名录（JSON，或 format=xlsx 下载工作簿）", c => c.Get<DirectoryHandlers>().GetAsync(c))
        {
            Response = typeof(Core.Units.UnitDirectory), Query = [("format", "json 或 xlsx（默认 json）")],
        },

        // Cycles.
        new("StartCycle", "POST", T.Cycles, RouteAccess.Coordinator, "启动报送周期（重复启动返回同一周期）", c => c.Get<CycleHandlers>().StartAsync(c))
        {
            Body = typeof(StartCycleCommand), Response = typeof(CycleAccepted), SuccessStatus = 202,
        },
        new("ListCycles", "GET", T.Cycles, RouteAccess.Coordinator, "所有报送周期，新季度在前", c => c.Get<CycleHandlers>().ListAsync(c)) { Response = typeof(IReadOnlyList<CycleSummaryView>) },
        new("GetCycle", "GET", T.Cycle, RouteAccess.Coordinator, "周期进度：时间表、计数、一页单位的进度（可筛选）、延期申请、发送失败的邮件", c => c.Get<CycleHandlers>().GetAsync(c))
        {
            Response = typeof(CycleView),
            Query =
            [
                ("page", "页码，从 1 开始（默认 1；超过末页时返回末页）"),
                ("size", $"每页单位数，1–{UnitPageAsk.MaxSize}（默认 {UnitPageAsk.DefaultSize}）"),
                ("late", "true：只列仍有未报送或逾期报送的单位"),
                ("name", "只列名称含此文字的单位"),
            ],
        },
        new("GetCycleSummary", "GET", T.CycleSummary, RouteAccess.Coordinator, "季度汇总报告（关闭后为正式稿，之前为预览）", c => c.Get<SummaryHandlers>().GetAsync(c))
        {
            ResponseMediaType = Html, Query = [("format", "html、docx 或 json（默认 html）")],
        },
        new("ExtendCycle", "POST", T.CycleExtensions, RouteAccess.Coordinator, "延长某单位的截止日期", c => c.Get<CycleHandlers>().ExtendAsync(c))
        {
            Body = typeof(ExtendAsk), Response = typeof(CommandAccepted), SuccessStatus = 202,
        },
        new("CloseCycle", "POST", T.CycleClose, RouteAccess.Coordinator, "立即关闭周期并生成汇总报告", c => c.Get<CycleHandlers>().CloseAsync(c)) { Response = typeof(CommandAccepted), SuccessStatus = 202 },
        new("ResumeCycle", "POST", T.CycleResume, RouteAccess.Coordinator, "恢复运行失败或中断的周期（从当前步骤继续，不重复发信）", c => c.Get<CycleHandlers>().ResumeAsync(c)) { Response = typeof(CycleAccepted), SuccessStatus = 202 },
        new("CancelCycle", "POST", T.CycleCancel, RouteAccess.Coordinator, "取消周期（不再发邮件，不生成汇总）", c => c.Get<CycleHandlers>().CancelAsync(c)) { Response = typeof(CommandAccepted), SuccessStatus = 202 },

        // The coordinator's review.
        new("ReadObligation", "GET", T.CycleObligation, RouteAccess.Coordinator, "任一单位某项任务的报送及全部修订记录", c => c.Get<ReviewHandlers>().ReadAsync(c)) { Response = typeof(ObligationReview) },
        new("ReadAttachment", "GET", T.CycleAttachment, RouteAccess.Coordinator, "下载任一单位的附件", c => c.Get<ReviewHandlers>().DownloadAsync(c)) { ResponseMediaType = "application/octet-stream" },
        new("ReturnSubmission", "POST", T.CycleReturns, RouteAccess.Coordinator, "退回报送材料（单位将收到退回理由）", c => c.Get<ReviewHandlers>().ReturnAsync(c))
        {
            Body = typeof(ReturnAsk), Response = typeof(ReturnDone),
        },
        new("DecideExtensionRequest", "POST", T.CycleExtensionRequest, RouteAccess.Coordinator, "审批单位的延期申请", c => c.Get<ReviewHandlers>().DecideExtensionAsync(c))
        {
            Body = typeof(DecisionAsk), Response = typeof(ExtensionDecided), SuccessStatus = 202,
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
        new("CoordinatorPage", "GET", T.CoordinatorPage, RouteAccess.Coordinator, "市发改委调度页面", c => c.Get<CoordinatorPageHandlers>().GetAsync(c)) { ResponseMediaType = Html },
        new("GetAsset", "GET", T.Asset, RouteAccess.Anyone, "页面使用的样式表和脚本", Assets.GetAsync) { ResponseMediaType = "text/css" },
    ];

    public static ApiRoute Named(string name) => All.Single(r => r.Name == name);
}
