using SixStability.Core.Cycles;
using SixStability.Core.Cycles.Board;
using SixStability.Core.Cycles.Tallies;
using SixStability.Core.Units;

namespace SixStability.Core.Tests.Cycles.Board;

/// <summary>Board rows built the way the store builds them: a unit's marks make its tally.</summary>
internal static class BoardFixture
{
    public static readonly DateOnly Due = new(2020, 10, 14);

    public static BoardRow Row(string id, string name, UnitKind kind, params ObligationMark[] marks) =>
        new(id, name, kind, UnitTally.Of(marks));

    public static ObligationMark Owed(int task, int level = 0) => new(task, ObligationState.Outstanding, false, level, Due, 1);

    public static ObligationMark Draft(int task) => new(task, ObligationState.Draft, false, 0, Due, 1);

    public static ObligationMark Reported(int task, bool late = false) => new(task, ObligationState.Submitted, late, 0, Due, 2);
}
