namespace SixStability.Workflow.Ports;

/// <summary>
/// The cycle was sealed at its close: no obligation of it changes any more, even a change that read
/// the cycle as open a moment before. Callers answer it as they answer any other refused change (409).
/// </summary>
public sealed class CycleClosedException : InvalidOperationException
{
    public const string ClosedMessage = "本周期已关闭，不能再报送或修改。";

    public CycleClosedException()
        : base(ClosedMessage)
    {
    }

    public CycleClosedException(string message)
        : base(message)
    {
    }

    public CycleClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
