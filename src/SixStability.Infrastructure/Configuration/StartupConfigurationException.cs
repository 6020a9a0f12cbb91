namespace SixStability.Infrastructure.Configuration;

/// <summary>The configuration a host was given would make it fail later, or serve with published keys: it does not start.</summary>
public sealed class StartupConfigurationException : InvalidOperationException
{
    public StartupConfigurationException(string host, IReadOnlyList<string> problems)
        : base($"{host} 拒绝启动，配置有 {problems?.Count ?? 0} 处问题：{Environment.NewLine}" + string.Join(Environment.NewLine, (problems ?? []).Select((p, i) => $"{i + 1}. {p}")))
    {
        Problems = problems ?? [];
    }

    public StartupConfigurationException()
        : this("主机", [])
    {
    }

    public StartupConfigurationException(string message)
        : base(message)
    {
        Problems = [message];
    }

    public StartupConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; }
}
