using Microsoft.DurableTask;

namespace SixStability.Workflow.Cycles;

/// <summary>The cycle's orchestrator and activities, registered in one place for every host that runs them.</summary>
public static class CycleTasks
{
    public static readonly IReadOnlyList<Type> Activities =
    [
        typeof(OpenCycleActivity),
        typeof(RunStepForUnitsActivity),
        typeof(EscalationDigestActivity),
        typeof(DeliverQueuedActivity),
        typeof(ExtendDeadlineActivity),
        typeof(CancelCycleActivity),
        typeof(CloseCycleActivity),
        typeof(RecordProblemActivity),
    ];

    public static DurableTaskRegistry AddCycleTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<CycleOrchestrator>();
        registry.AddActivity<OpenCycleActivity>();
        registry.AddActivity<RunStepForUnitsActivity>();
        registry.AddActivity<EscalationDigestActivity>();
        registry.AddActivity<DeliverQueuedActivity>();
        registry.AddActivity<ExtendDeadlineActivity>();
        registry.AddActivity<CancelCycleActivity>();
        registry.AddActivity<CloseCycleActivity>();
        registry.AddActivity<RecordProblemActivity>();
        return registry;
    }
}
