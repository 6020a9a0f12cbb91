using SixStability.Core.Cycles.Board;
using SixStability.Core.Cycles.Tallies;
using SixStability.Core.Units;
using static SixStability.Core.Tests.Cycles.Board.BoardFixture;

namespace SixStability.Core.Tests.Cycles.Board;

public sealed class BoardFilterTests
{
    // 市人社局 leads task 1; 市发改委 leads task 2; 乐平市 leads nothing.
    private static readonly BoardLeads Leads = new(new Dictionary<int, string> { [1] = "rsj", [2] = "fgw" });

    private static readonly BoardRow Rsj = Row("rsj", "市人社局", UnitKind.Department, Reported(1), Draft(2));
    private static readonly BoardRow Fgw = Row("fgw", "市发改委", UnitKind.Department, Owed(1, level: 1), Reported(2, late: true));
    private static readonly BoardRow Lps = Row("lps", "乐平市政府", UnitKind.CountyGovernment, Owed(1, level: 2), Owed(2, level: 2));
    private static readonly BoardRow[] All = [Rsj, Fgw, Lps];

    [Fact]
    public void No_filter_keeps_every_unit()
    {
        string[] kept = Keep(new BoardFilter());

        kept.Should().Equal("rsj", "fgw", "lps");
    }

    [Theory]
    [InlineData(BoardState.Outstanding, new[] { "fgw", "lps" })]
    [InlineData(BoardState.Draft, new[] { "rsj" })]
    [InlineData(BoardState.Submitted, new[] { "rsj", "fgw" })]
    [InlineData(BoardState.Accepted, new string[0])]
    public void A_state_keeps_the_units_with_a_task_in_it(BoardState state, string[] expected)
    {
        string[] kept = Keep(new BoardFilter(State: state));

        kept.Should().Equal(expected);
    }

    [Fact]
    public void Level_group_and_role_each_narrow_the_units_and_combine_with_name_and_late()
    {
        string[] level2 = Keep(new BoardFilter(Level: 2));
        string[] notEscalated = Keep(new BoardFilter(Level: 0));
        string[] counties = Keep(new BoardFilter(Kind: UnitKind.CountyGovernment));
        string[] leads = Keep(new BoardFilter(Role: TaskRole.Lead));
        string[] coUnits = Keep(new BoardFilter(Role: TaskRole.Co));
        string[] leadsOwing = Keep(new BoardFilter(State: BoardState.Outstanding, Role: TaskRole.Lead));
        string[] departmentsNamed = Keep(new BoardFilter(Name: "发改", Kind: UnitKind.Department, Late: true));

        level2.Should().Equal("lps");
        notEscalated.Should().Equal("rsj");
        counties.Should().Equal("lps");
        leads.Should().Equal("rsj", "fgw");
        coUnits.Should().Equal("rsj", "fgw", "lps");
        leadsOwing.Should().BeEmpty("市发改委 owes task 1, which it does not lead; the task it leads is reported");
        departmentsNamed.Should().Equal("fgw");
    }

    [Fact]
    public void A_columns_count_is_over_every_matched_unit_and_only_the_roles_tasks_when_a_role_is_asked()
    {
        IReadOnlyList<TaskColumnCount> all = TaskColumnCount.Over(All, new BoardFilter(), Leads);
        IReadOnlyList<TaskColumnCount> leadOnly = TaskColumnCount.Over(All, new BoardFilter(Role: TaskRole.Lead), Leads);

        all.Should().Equal(new TaskColumnCount(1, 3, 1, 0), new TaskColumnCount(2, 3, 1, 0));
        leadOnly.Should().Equal(new TaskColumnCount(1, 1, 1, 0), new TaskColumnCount(2, 1, 1, 0));
    }

    [Fact]
    public void Accepted_tasks_count_as_reported_and_accepted()
    {
        BoardRow accepted = Rsj with { Tally = Rsj.Tally with { Tasks = [new TaskStanding(1, BoardState.Accepted), new TaskStanding(2, BoardState.Draft)] } };

        IReadOnlyList<TaskColumnCount> counts = TaskColumnCount.Over([accepted, Fgw], new BoardFilter(), Leads);
        string[] kept = [.. new[] { accepted, Fgw }.Where(r => new BoardFilter(State: BoardState.Accepted).Matches(r, Leads)).Select(r => r.UnitId)];

        counts[0].Should().Be(new TaskColumnCount(1, 2, 1, 1));
        kept.Should().Equal("rsj");
    }

    private static string[] Keep(BoardFilter filter) => [.. All.Where(r => filter.Matches(r, Leads)).Select(r => r.UnitId)];
}
