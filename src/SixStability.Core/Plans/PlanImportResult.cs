namespace SixStability.Core.Plans;

public sealed record PlanImportResult(PlanCatalog Catalog, IReadOnlyList<PlanWarning> Warnings);

/// <summary>Something the importer could not read; never dropped silently.</summary>
public sealed record PlanWarning(int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"第{Line}行：{Message}" : Message;
}
