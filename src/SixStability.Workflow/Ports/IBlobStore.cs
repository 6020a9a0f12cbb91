namespace SixStability.Workflow.Ports;

/// <summary>Files too large for a table row: attachments, long submission text, rendered summaries.</summary>
public interface IBlobStore
{
    Task PutAsync(string container, string name, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);

    /// <summary>The blob, or null when it does not exist.</summary>
    Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken);

    Task DeleteAsync(string container, string name, CancellationToken cancellationToken);

    /// <summary>The names of the blobs that start with <paramref name="prefix"/> (one cycle's files, for the sweep at its close).</summary>
    IAsyncEnumerable<string> ListAsync(string container, string prefix, CancellationToken cancellationToken);
}

public sealed record StoredBlob(ReadOnlyMemory<byte> Content, string ContentType);
