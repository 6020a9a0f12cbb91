using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SixStability.Workflow.Pages.Coordinator;
using SixStability.Workflow.Pages.Plans;
using SixStability.Workflow.Pages.Unit;
using SixStability.Workflow.Pages.Year;

namespace SixStability.Workflow;

/// <summary>
/// Everything Workflow itself provides — activities, use cases, the handlers that call them, the
/// renderer — registered once for both hosts and for tests. The ports it needs are the caller's.
/// </summary>
public static class WorkflowServices
{
    public static IServiceCollection AddWorkflow(this IServiceCollection services)
    {
        services.AddSingleton<HtmlComposer>(sp => new HtmlComposer(sp.GetService<ILoggerFactory>()));
        services.AddSingleton<MailComposer>();
        services.AddSingleton<RobotDispatcher>();
        services.AddSingleton<Notifier>();
        services.AddSingleton<CycleContextLoader>();

        // What the deployment configures (the hosts register theirs first): the policy a new cycle opens with, the report's 主送 and 文号.
        services.TryAddSingleton(CyclePolicy.Default);
        services.TryAddSingleton(ReportOptions.Default);
        services.AddSingleton<SummaryArchive>();
        services.AddSingleton<SummaryReports>();
        services.AddSingleton<YearReports>();
        services.AddSingleton<CycleAutoStarter>();
        services.AddSingleton<CycleHistoryPurge>();
        services.AddSingleton<OrphanBlobSweep>();

        // Who may do what, and what they did (the hosts set AccessOptions: the admin key, the sign-in flow, the token key).
        services.AddOptions<AccessOptions>();
        services.AddSingleton<CallerResolver>();
        services.AddSingleton<AntiForgery>();
        services.AddSingleton<UnitScopes>();
        services.AddSingleton<AuditTrail>();

        // The cycle's activities, resolved per call by the durable engine.
        services.AddTransient<OpenCycleActivity>();
        services.AddTransient<RunStepForUnitsActivity>();
        services.AddTransient<EscalationDigestActivity>();
        services.AddTransient<DeliverQueuedActivity>();
        services.AddTransient<ExtendDeadlineActivity>();
        services.AddTransient<CancelCycleActivity>();
        services.AddTransient<CloseCycleActivity>();
        services.AddTransient<RecordProblemActivity>();
        services.AddTransient<RecordOrchestrationVersionActivity>();

        // Use cases and queries.
        services.AddSingleton<UnitObligations>();
        services.AddSingleton<UnitLinkAccess>();
        services.AddSingleton<UnitReportQuery>();
        services.AddSingleton<SaveReportUseCase>();
        services.AddSingleton<AttachFileUseCase>();
        services.AddSingleton<DetachFileUseCase>();
        services.AddSingleton<RequestExtensionUseCase>();
        services.AddSingleton<ReturnSubmissionUseCase>();
        services.AddSingleton<AcceptSubmissionUseCase>();
        services.AddSingleton<SubmissionReviewQuery>();
        services.AddSingleton<DecideExtensionUseCase>();
        services.AddSingleton<StartCycleUseCase>();
        services.AddSingleton<CycleCommandUseCase>();
        services.AddSingleton<ResumeCycleUseCase>();
        services.AddSingleton<CycleProgressQuery>();
        services.AddSingleton<ImportPlanUseCase>();
        services.AddSingleton<UploadPlanDraftUseCase>();
        services.AddSingleton<ReportingContactUseCase>();
        services.AddSingleton<CorrectPlanDraftUseCase>();
        services.AddSingleton<ConfirmPlanDraftUseCase>();
        services.AddSingleton<ReplaceDirectoryUseCase>();
        services.AddSingleton<UnitPageQuery>();

        // The web adapter: one handler class per feature, mapped from Routes.All by both hosts.
        services.AddSingleton<PlanHandlers>();
        services.AddSingleton<PlanDraftHandlers>();
        services.AddSingleton<DirectoryHandlers>();
        services.AddSingleton<CycleHandlers>();
        services.AddSingleton<SummaryHandlers>();
        services.AddSingleton<ReviewHandlers>();
        services.AddSingleton<UnitHandlers>();
        services.AddSingleton<UnitPageHandlers>();
        services.AddSingleton<CoordinatorPageHandlers>();
        services.AddSingleton<PlansPageHandlers>();
        services.AddSingleton<YearHandlers>();
        services.AddSingleton<YearPageHandlers>();
        services.AddSingleton<AuditHandlers>();
        return services;
    }
}
