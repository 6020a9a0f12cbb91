namespace SixStability.Core.Plans;

public sealed record PlanImportResult(PlanCatalog Catalog, IReadOnlyList<PlanWarning> Warnings);

/// <summary>Something the importer could not read or wants checked; never dropped silently.</summary>
/// <param name="Line">The line (a .docx paragraph) it is about; 0 for the whole plan or a table row.</param>
/// <param name="Table">For a table row: the table's place among the document's tables.</param>
/// <param name="Row">For a table row: the row's place in its table, header included.</param>
public sealed record PlanWarning(
    int Line,
    string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Table = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Row = null)
{
    public override string ToString() =>
        Table is int t ? $"表{t}第{Row}行：{Message}"
        : Line > 0 ? $"第{Line}行：{Message}"
        : Message;
}
