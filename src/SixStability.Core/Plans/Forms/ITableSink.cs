namespace SixStability.Core.Plans.Forms;

/// <summary>Where a table's rows go: sections it opens, items it holds, places in the document.</summary>
internal interface ITableSink
{
    int CurrentSection { get; }

    int NextPosition();

    void AddSection(int number, string title, int position);

    void AddItem(ReadItem item);
}
