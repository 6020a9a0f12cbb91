namespace SixStability.Core.Plans;

/// <summary>The document is not a plan of the expected form; the message is for the coordinator (zh-CN).</summary>
public sealed class PlanFormatException : Exception
{
    public PlanFormatException()
    {
    }

    public PlanFormatException(string message)
        : base(message)
    {
    }

    public PlanFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
