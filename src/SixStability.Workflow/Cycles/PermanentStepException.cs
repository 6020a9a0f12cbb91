namespace SixStability.Workflow.Cycles;

/// <summary>
/// A step that trying again cannot mend: its cycle, plan or directory is not there. The cycle's retry
/// policy does not retry it; the orchestration records it on the cycle at once and goes on.
/// </summary>
public sealed class PermanentStepException : Exception
{
    public PermanentStepException()
    {
    }

    public PermanentStepException(string message)
        : base(message)
    {
    }

    public PermanentStepException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
