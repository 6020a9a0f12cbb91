namespace SixStability.Workflow.Ports;

/// <summary>Each unit's 填报人 / 联系电话 / 审核领导 per cycle, and the last one it gave (offered the next quarter).</summary>
public interface IReportingContactStore
{
    Task<ReportingContact?> GetAsync(string cycleId, string unitId, CancellationToken cancellationToken);

    /// <summary>What the unit gave in its most recent cycle, whichever that was.</summary>
    Task<ReportingContact?> LastAsync(string unitId, CancellationToken cancellationToken);

    /// <summary>Every unit's contact for one cycle, by unit id (for the coordinator and the escalation mail).</summary>
    Task<IReadOnlyDictionary<string, ReportingContact>> ListAsync(string cycleId, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps the contact for the cycle, and as the unit's last one unless a later quarter's is already kept
    /// (a late save to an older cycle must not become next quarter's offer).
    /// </summary>
    Task PutAsync(string cycleId, Quarter quarter, string unitId, ReportingContact contact, CancellationToken cancellationToken);
}
