using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SixStability.Workflow.Access;

namespace SixStability.Workflow.Tests.Access;

public sealed class CallerResolverTests
{
    private static readonly SignedInPerson Coordinator = new("oid-1", "王科长", "lwlb@example.gov.cn", ["Coordinator"]);

    private static CallerResolver Resolver(Action<AccessOptions>? configure = null)
    {
        var options = new AccessOptions { AdminKey = "the-admin-key" };
        configure?.Invoke(options);
        return new CallerResolver(Options.Create(options));
    }

    private static HttpRequest Request(string? key = null)
    {
        var context = new DefaultHttpContext();
        if (key is not null)
        {
            context.Request.Headers[CallerResolver.KeyHeader] = key;
        }

        return context.Request;
    }

    [Fact]
    public void The_admin_key_acts_as_the_coordinator_and_a_wrong_key_is_never_overlooked_in_favour_of_a_session()
    {
        Caller key = Resolver().Resolve(Request("the-admin-key"), null, "203.0.113.7");
        Caller wrong = Resolver().Resolve(Request("the-admin-kez"), Coordinator, "203.0.113.7");
        Caller noneConfigured = Resolver(o => o.AdminKey = null).Resolve(Request("x"), null, null);

        key.Credential.Should().Be(CallerCredential.Key);
        key.Actor!.Kind.Should().Be(ActorKind.Key);
        key.Actor.Roles.Should().Equal(Role.Coordinator);
        key.Actor.ClientIp.Should().Be("203.0.113.7");
        wrong.Credential.Should().Be(CallerCredential.WrongKey);
        wrong.Actor.Should().BeNull();
        noneConfigured.Credential.Should().Be(CallerCredential.WrongKey, "with no Admin:Key configured no key is right");
    }

    [Fact]
    public void A_signed_in_persons_app_roles_map_to_roles_by_configuration_and_unknown_ones_to_none()
    {
        CallerResolver resolver = Resolver(o => o.AppRoles[Role.Leader] = "CityLeader");

        Caller leader = resolver.Resolve(Request(), new SignedInPerson("oid-2", "李华", "vm-industry@example.gov.cn", ["cityleader", "Viewer"]), null);
        Caller defaultName = resolver.Resolve(Request(), new SignedInPerson("oid-3", "某人", null, ["Leader"]), null);
        Caller nobody = resolver.Resolve(Request(), null, null);

        leader.Credential.Should().Be(CallerCredential.Session);
        leader.Actor!.Roles.Should().Equal(Role.Leader, Role.Viewer);
        leader.Actor.Email.Should().Be("vm-industry@example.gov.cn");
        leader.Actor.RoleText.Should().Be("分管领导、查看");
        defaultName.Actor!.Roles.Should().BeEmpty("the leader role is called CityLeader in this app registration");
        nobody.Should().Be(Caller.Anonymous(null));
    }
}
