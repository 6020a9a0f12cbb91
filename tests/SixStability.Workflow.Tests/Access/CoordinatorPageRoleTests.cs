using SixStability.Workflow.Access;
using SixStability.Workflow.Audit;
using SixStability.Workflow.Pages.Coordinator;
using SixStability.Workflow.Rendering;

namespace SixStability.Workflow.Tests.Access;

/// <summary>The board each role gets: a button a role may not press is not in the page at all.</summary>
public sealed class CoordinatorPageRoleTests
{
    private static async Task<string> PageAsync(Actor viewer, bool audit = false)
    {
        using var composer = new HtmlComposer();
        return await composer.PageAsync<CoordinatorPage>(new Dictionary<string, object?>
        {
            ["Viewer"] = viewer,
            ["Token"] = "page-token",
            ["SignIn"] = SignInFlow.Local,
            ["Audit"] = audit ? new AuditPanel([], new AuditFilter(), [], false) : null,
        });
    }

    private static Actor Person(params Role[] roles) => new("p", "某人", roles, ActorKind.Person, "vm-industry@example.gov.cn");

    [Fact]
    public async Task A_leader_gets_the_board_of_their_units_read_only_without_close_resume_extend_or_the_audit_trail()
    {
        string html = await PageAsync(Person(Role.Leader));

        html.Should().Contain("<table id=\"board\">").And.Contain("id=\"scope-note\"").And.Contain("data-can-act=\"0\"");
        html.Should().NotContain("id=\"close\"").And.NotContain("id=\"resume\"").And.NotContain("立即关闭").And.NotContain("点击已报送的格子可退回").And.NotContain("id=\"audit\"");
        html.Should().NotContain("id=\"summary-html\"", "the city's report is not a leader's");
        html.Should().Contain("action=\"/signout\"").And.Contain("value=\"page-token\"");
    }

    [Fact]
    public async Task A_viewer_gets_the_reports_only_and_the_coordinator_everything()
    {
        string viewer = await PageAsync(Person(Role.Viewer));
        string coordinator = await PageAsync(Workbench.Coordinator, audit: true);
        string supervision = await PageAsync(Person(Role.Supervision), audit: true);

        viewer.Should().Contain("id=\"summary-html\"").And.NotContain("<table id=\"board\">").And.Contain("data-board=\"0\"");
        coordinator.Should().Contain("id=\"close\"").And.Contain("id=\"resume\"").And.Contain("data-can-act=\"1\"").And.Contain("id=\"audit\"").And.Contain("id=\"audit-export\"");
        supervision.Should().Contain("<table id=\"board\">").And.Contain("id=\"audit\"").And.NotContain("id=\"close\"").And.NotContain("id=\"scope-note\"");
    }

    [Fact]
    public async Task A_script_with_the_admin_key_gets_no_sign_out_and_no_token()
    {
        string html = await PageAsync(Actor.Key(null));

        html.Should().Contain("管理员密钥").And.NotContain("id=\"signout\"");
    }
}
