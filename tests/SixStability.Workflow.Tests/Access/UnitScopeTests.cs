using SixStability.Core.Units;
using SixStability.Workflow.Access;

namespace SixStability.Workflow.Tests.Access;

public sealed class UnitScopeTests
{
    private static readonly UnitDirectory Directory = UnitDirectoryReader.Parse(Samples.Read("directory.json")).Directory!;

    private static Actor Person(string email, params Role[] roles) => new("id", "某人", roles, ActorKind.Person, email);

    [Fact]
    public void A_leader_sees_exactly_the_units_the_directory_assigns_to_the_leader_with_their_email()
    {
        UnitScope scope = UnitScope.Of(Person(" VM-Industry@example.gov.cn ", Role.Leader), Directory);

        string[] theirs = [.. Directory.Units.Where(u => u.Leader == "vm-industry").Select(u => u.Id)];
        theirs.Should().HaveCount(11);
        Directory.Units.Where(u => scope.Includes(u.Id)).Select(u => u.Id).Should().BeEquivalentTo(theirs);
        scope.IsAll.Should().BeFalse();
    }

    [Fact]
    public void The_coordinator_and_the_supervision_office_see_every_unit_and_others_none()
    {
        UnitScope.Of(Person("x@example.gov.cn", Role.Supervision), Directory).IsAll.Should().BeTrue();
        UnitScope.Of(Actor.Key(null), Directory).IsAll.Should().BeTrue();
        UnitScope.Of(Person("unknown@example.gov.cn", Role.Leader), Directory).Includes("rsj").Should().BeFalse("no leader has that address");
        UnitScope.Of(Person("vm-industry@example.gov.cn", Role.Viewer), Directory).Includes("swj").Should().BeFalse("a viewer reads reports, not units");
    }
}
