using SixStability.Core.Rules;
using SixStability.Core.Units;

namespace SixStability.Workflow.Ports;

public interface IDirectoryStore
{
    Task<Versioned<UnitDirectory>?> GetAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the directory; with <paramref name="ifMatch"/> only if it is still that version (else a conflict). Returns the new ETag.</summary>
    Task<Outcome<string>> PutAsync(UnitDirectory directory, string? ifMatch, CancellationToken cancellationToken);
}
