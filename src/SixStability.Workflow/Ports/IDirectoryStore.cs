using SixStability.Core.Units;

namespace SixStability.Workflow.Ports;

public interface IDirectoryStore
{
    Task<Versioned<UnitDirectory>?> GetAsync(CancellationToken cancellationToken);

    /// <exception cref="ConcurrencyConflictException">The directory changed since <paramref name="ifMatch"/>.</exception>
    Task<string> PutAsync(UnitDirectory directory, string? ifMatch, CancellationToken cancellationToken);
}
