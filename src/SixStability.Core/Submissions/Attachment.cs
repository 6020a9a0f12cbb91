namespace SixStability.Core.Submissions;

/// <summary>A file a unit attached to its report (附件); the bytes live in blob storage under <see cref="Id"/>.</summary>
public sealed record Attachment(string Id, string Name, string ContentType, long Size);
