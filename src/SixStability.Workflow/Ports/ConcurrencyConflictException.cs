namespace SixStability.Workflow.Ports;

/// <summary>Someone changed the stored value since the caller read it (stale ETag).</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
        : base("数据已被他人修改，请重新读取后再提交。")
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
