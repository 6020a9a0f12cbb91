using SixStability.Core.Submissions;
using SixStability.Core.Units;

namespace SixStability.Core.Tests.Submissions;

public sealed class ReviewWalkTests
{
    private static readonly Dictionary<string, Unit> Units = new[]
    {
        new Unit("rsj", "市人社局", UnitKind.Department, "rsj@example.gov.cn", "l1"),
        new Unit("czj", "市财政局", UnitKind.Department, "czj@example.gov.cn", "l1"),
        new Unit("gxq", "景德镇高新区管委会", UnitKind.ParkCommittee, "gxq@example.gov.cn", "l1"),
        new Unit("zsq", "珠山区政府", UnitKind.CountyGovernment, "zsq@example.gov.cn", "l1"),
        new Unit("flx", "浮梁县政府", UnitKind.CountyGovernment, "flx@example.gov.cn", "l1"),
    }.ToDictionary(u => u.Id);

    [Fact]
    public void Units_walk_in_the_boards_order_counties_then_parks_then_departments_each_by_chinese_name_and_unknown_ids_last()
    {
        IReadOnlyList<string> order = ReviewWalk.Order(["rsj", "gone", "czj", "gxq", "zsq", "flx"], id => Units.GetValueOrDefault(id));

        order.Should().Equal("flx", "zsq", "gxq", "czj", "rsj", "gone");
    }

    [Fact]
    public void A_step_names_its_place_and_both_neighbours_and_the_ends_have_none()
    {
        SubmissionRef[] column = [new("flx", 3), new("zsq", 3), new("czj", 3)];

        WalkStep middle = ReviewWalk.Along(column, new("zsq", 3), (a, b) => 0);
        WalkStep first = ReviewWalk.Along(column, new("flx", 3), (a, b) => 0);
        WalkStep last = ReviewWalk.Along(column, new("czj", 3), (a, b) => 0);

        middle.Should().Be(new WalkStep(2, 3, new("flx", 3), new("czj", 3)));
        first.Previous.Should().BeNull();
        last.Next.Should().BeNull();
    }

    [Fact]
    public void A_report_no_longer_submitted_has_no_place_but_its_neighbours_are_where_it_would_stand()
    {
        SubmissionRef[] row = [new("rsj", 1), new("rsj", 4)];

        WalkStep gone = ReviewWalk.Along(row, new("rsj", 2), (a, b) => a.Task.CompareTo(b.Task));

        gone.Should().Be(new WalkStep(0, 2, new("rsj", 1), new("rsj", 4)));
    }
}
