using SixStability.Core.Cycles.Board;
using SixStability.Core.Units;
using static SixStability.Core.Tests.Cycles.Board.BoardFixture;

namespace SixStability.Core.Tests.Cycles.Board;

public sealed class BoardOrderTests
{
    // Ids that sort the other way from the city's order, so an order by id would show.
    private static readonly BoardRow[] Rows =
    [
        Row("a-sclj", "市瓷局", UnitKind.Department, Owed(1), Owed(2)),
        Row("b-cjq", "昌江区政府", UnitKind.CountyGovernment, Reported(1)),
        Row("c-gxq", "高新区管委会", UnitKind.ParkCommittee, Owed(1, level: 2)),
        Row("d-fgw", "市发改委", UnitKind.Department, Owed(1, level: 1), Reported(2)),
        Row("e-lps", "乐平市政府", UnitKind.CountyGovernment, Owed(1, level: 3), Owed(2), Owed(3)),
        Row("f-cl", "市残联", UnitKind.Department, Reported(1)),
    ];

    [Fact]
    public void Units_are_grouped_counties_then_parks_then_departments_and_by_name_in_pinyin_within_each()
    {
        IReadOnlyList<BoardRow> ordered = BoardOrder.Sort(Rows, BoardSort.Name);

        ordered.Select(r => r.Name).Should().Equal("昌江区政府", "乐平市政府", "高新区管委会", "市残联", "市瓷局", "市发改委");
    }

    [Fact]
    public void Sorting_by_owed_puts_the_units_owing_most_first_within_each_group()
    {
        IReadOnlyList<BoardRow> ordered = BoardOrder.Sort(Rows, BoardSort.Owed);

        ordered.Select(r => r.UnitId).Should().Equal("e-lps", "b-cjq", "c-gxq", "a-sclj", "d-fgw", "f-cl");
    }

    [Fact]
    public void Sorting_by_level_puts_the_most_escalated_first_within_each_group()
    {
        IReadOnlyList<BoardRow> ordered = BoardOrder.Sort(Rows, BoardSort.Level);

        ordered.Select(r => r.UnitId).Should().Equal("e-lps", "b-cjq", "c-gxq", "d-fgw", "a-sclj", "f-cl");
    }

    [Fact]
    public void The_groups_read_as_the_directorys_kinds()
    {
        string[] names = [.. BoardOrder.Groups.Select(BoardOrder.GroupName)];

        names.Should().Equal("县市区政府", "园区管委会", "市直部门");
    }
}
