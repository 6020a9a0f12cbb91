using Microsoft.DurableTask;

namespace SixStability.Workflow.Cycles;

/// <summary>
/// Sends the cycle's group-robot messages that waited for their robot's allowance (about 20 a minute each) and
/// whose time has come, and says when the next may go. The orchestration sleeps on a durable timer until then
/// instead of an activity sleeping for minutes; a host that stops meanwhile loses nothing, the queue is in the outbox.
/// </summary>
public sealed class DeliverQueuedActivity(CycleContextLoader loader, Notifier notifier) : TaskActivity<string, RobotBacklog>
{
    public override async Task<RobotBacklog> RunAsync(TaskActivityContext context, string input)
    {
        CycleContext? cycle = await loader.FindAsync(input, CancellationToken.None).ConfigureAwait(false);
        return await notifier.DeliverQueuedAsync(input, cycle?.IsOpen == true, CancellationToken.None).ConfigureAwait(false);
    }
}
