using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SixStability.DevHost.Durable;
using SixStability.Integration.Tests.Security.Fuzz;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Access;
using SixStability.Workflow.Http;
using SixStability.Workflow.Ports;

namespace SixStability.Integration.Tests.Access;

/// <summary>
/// Every route of the table × every role, the admin key, and no sign-in at all (nobody, a wrong key, a unit's
/// link, a signed-in coordinator without the page's token): the exact status each gets, and every row and
/// blob left exactly as it was by each refusal. The durable engine holds commands once the cycle is open
/// (<see cref="HoldingCycleClient"/>), so an accepted close or cancel leaves the cycle open for the next case.
/// </summary>
public sealed class RoleRouteMatrixTests : IAsyncLifetime
{
    private const string CycleId = DevHostServer.DemoCycleId;

    private readonly Dictionary<Who, HttpClient> clients = [];
    private DevHostServer? server;
    private StorageSnapshot? storage;

    // What the arrangement made for the allowed calls to act on.
    private string leaderUnit = string.Empty;
    private int leaderTask;
    private string attachmentId = string.Empty;
    private int[] submittedRsj = [];

    /// <summary>Who calls.</summary>
    public enum Who
    {
        Nobody,
        WrongKey,
        UnitLink,
        Viewer,
        Leader,
        Supervision,
        CoordinatorWithoutToken,
        Coordinator,
        Key,
    }

    private DevHostServer Server => server!;

    public async Task InitializeAsync()
    {
        server = await DevHostServer.StartAsync(services: s =>
        {
            s.AddSingleton(sp => new HoldingCycleClient(sp.GetRequiredService<EmbeddedDurableEngine>()));
            s.AddSingleton<ICycleClient>(sp => sp.GetRequiredService<HoldingCycleClient>());
        });
        await Server.StartDemoCycleAsync();
        Server.Services.GetRequiredService<HoldingCycleClient>().Holding = true;
        storage = new StorageSnapshot(await SharedAzurite.ConnectionStringAsync(), Server.TablePrefix);

        using HttpClient admin = Server.AdminClient();
        (await admin.PutAsync("/api/plans/jingdezhen/draft", new StringContent(Samples.Read("jingdezhen.txt"), Encoding.UTF8, "text/plain"))).EnsureSuccessStatusCode(); // a draft every reader may find
        JsonElement view = JsonDocument.Parse(await admin.GetStringAsync($"/api/cycles/{CycleId}")).RootElement;
        int[] Tasks(string unit) => [.. view.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unitId").GetString() == unit).GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("task").GetInt32())];

        // 市商务局 (李华's unit) reports a task with a file; 市人社局 (not his) submits two; two counties ask for more time.
        leaderUnit = "swj";
        leaderTask = Tasks(leaderUnit)[0];
        using (HttpClient swj = Server.UnitClient(leaderUnit))
        {
            using var file = new ByteArrayContent(Encoding.UTF8.GetBytes("%PDF-1.4 台账"));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using HttpResponseMessage attached = await swj.PostAsync($"/api/me/obligations/{leaderTask}/attachments?name={Uri.EscapeDataString("台账.pdf")}", file);
            attachmentId = (await attached.JsonAsync()).GetProperty("id").GetString()!;
            (await swj.PostAsync($"/api/me/obligations/{leaderTask}/submission", Json("""{ "narrative": "外贸企业帮扶", "status": "按进度推进" }"""))).EnsureSuccessStatusCode();
        }

        submittedRsj = Tasks("rsj")[..2];
        using (HttpClient rsj = Server.UnitClient("rsj"))
        {
            foreach (int task in submittedRsj)
            {
                (await rsj.PostAsync($"/api/me/obligations/{task}/submission", Json("""{ "narrative": "就业稳定", "status": "按进度推进" }"""))).EnsureSuccessStatusCode();
            }
        }

        foreach (string unit in new[] { "flx", "lps" })
        {
            using HttpClient county = Server.UnitClient(unit);
            (await county.PostAsync("/api/me/extension-request", Json("""{ "due": "2020-10-20", "reason": "防汛抢险" }"""))).EnsureSuccessStatusCode();
        }

        clients[Who.Nobody] = Server.Client(allowRedirects: false);
        clients[Who.WrongKey] = Server.Client(allowRedirects: false);
        clients[Who.WrongKey].DefaultRequestHeaders.Add(CallerResolver.KeyHeader, "not-the-admin-key");
        clients[Who.UnitLink] = Server.Client(allowRedirects: false);
        clients[Who.UnitLink].DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Server.UnitToken("rsj"));
        clients[Who.Key] = Server.Client(allowRedirects: false);
        clients[Who.Key].DefaultRequestHeaders.Add(CallerResolver.KeyHeader, DevHostServer.AdminKey);
        clients[Who.Viewer] = await Server.SignedInClientAsync(DevHostServer.Viewer);
        clients[Who.Leader] = await Server.SignedInClientAsync(DevHostServer.Leader);
        clients[Who.Supervision] = await Server.SignedInClientAsync(DevHostServer.Supervision);
        clients[Who.Coordinator] = await Server.SignedInClientAsync(DevHostServer.Coordinator);
        clients[Who.CoordinatorWithoutToken] = await Server.SignedInClientAsync(DevHostServer.Coordinator, withToken: false);
        await SettleAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (HttpClient client in clients.Values)
        {
            client.Dispose();
        }

        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_route_answers_every_role_and_every_caller_without_a_role_with_its_exact_status_and_a_refusal_changes_nothing()
    {
        var failures = new List<string>();
        IReadOnlyDictionary<string, string>? last = null;
        int refusals = 0, allowed = 0;

        foreach (ApiRoute route in Routes.All)
        {
            foreach (Who who in Enum.GetValues<Who>())
            {
                if (route.Access.Kind == RouteAccessKind.Unit && who == Who.UnitLink)
                {
                    continue; // what a unit's own link may do is the unit routes' tests' matter
                }

                int expected = Expected(route, who);
                bool refusal = expected is not (>= 200 and < 300);
                last = refusal ? last ?? await storage!.TakeAsync() : null;

                using HttpRequestMessage request = Request(route, who);
                string asked = request.RequestUri!.OriginalString;
                using HttpResponseMessage response = await clients[who].SendAsync(request);
                string body = await response.Content.ReadAsStringAsync();

                if ((int)response.StatusCode != expected)
                {
                    failures.Add($"{route.Name} as {who}: {(int)response.StatusCode}, expected {expected} — {body[..Math.Min(body.Length, 200)]}");
                }

                if (expected == StatusCodes302 && response.Headers.Location?.OriginalString != "/signin?returnUrl=" + Uri.EscapeDataString(asked))
                {
                    failures.Add($"{route.Name} as {who}: redirected to {response.Headers.Location}, expected the sign-in page");
                }

                if (refusal)
                {
                    refusals++;
                    IReadOnlyDictionary<string, string> after = await storage!.TakeAsync();
                    IReadOnlyList<string> changes = StorageSnapshot.Changes(last!, after);
                    if (changes.Count > 0)
                    {
                        failures.Add($"{route.Name} as {who} was refused ({(int)response.StatusCode}) but changed storage: {string.Join("; ", changes.Take(5))}");
                    }

                    last = after;
                }
                else
                {
                    allowed++;
                }
            }
        }

        failures.Should().BeEmpty();
        refusals.Should().BeGreaterThan(150);
        allowed.Should().BeGreaterThan(60);
    }

    [Fact]
    public async Task A_leader_reads_only_the_units_the_directory_assigns_them()
    {
        IReadOnlyDictionary<string, string> before = await storage!.TakeAsync();
        HttpClient leader = clients[Who.Leader];

        JsonElement view = JsonDocument.Parse(await leader.GetStringAsync($"/api/cycles/{CycleId}")).RootElement;
        using HttpResponseMessage other = await leader.GetAsync($"/api/cycles/{CycleId}/units/rsj/obligations/{submittedRsj[0]}");
        using HttpResponseMessage otherFile = await leader.GetAsync($"/api/cycles/{CycleId}/units/rsj/obligations/{submittedRsj[0]}/attachments/{attachmentId}");

        string[] units = [.. view.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unitId").GetString()!)];
        units.Should().BeEquivalentTo(["kjj", "swj", "scjgj", "gxj", "gsl", "cjj", "hg", "gxq", "tcyq", "lpyq", "flyq"], "李华 oversees these 11 units in the sample directory");
        view.GetProperty("counts").GetProperty("obligations").GetInt32().Should().Be(view.GetProperty("units").EnumerateArray().Sum(u => u.GetProperty("tasks").GetArrayLength()));
        view.GetProperty("extensionRequests").GetArrayLength().Should().Be(0, "flx and lps are the mayor's");
        view.GetProperty("mailProblems").GetArrayLength().Should().Be(0);
        await other.ShouldBeProblemAsync(403);
        await otherFile.ShouldBeProblemAsync(403);
        StorageSnapshot.Changes(before, await storage.TakeAsync()).Should().BeEmpty();
    }

    private const int StatusCodes302 = 302;

    private const Role C = Role.Coordinator, S = Role.Supervision, L = Role.Leader, V = Role.Viewer;

    /// <summary>
    /// README's "Who may do what", written down here rather than read from <see cref="Routes"/>: a role given to
    /// the wrong route there fails this test instead of moving the expectation with it. Unit and public routes are
    /// listed with no roles (their kind decides).
    /// </summary>
    private static readonly Dictionary<string, Role[]> Granted = new(StringComparer.Ordinal)
    {
        ["PutPlan"] = [C],
        ["GetPlan"] = [C, S],
        ["UploadPlanDraft"] = [C],
        ["GetPlanDraft"] = [C],
        ["CorrectPlanDraft"] = [C],
        ["ConfirmPlanDraft"] = [C],
        ["PutDirectory"] = [C],
        ["GetDirectory"] = [C, S],
        ["StartCycle"] = [C],
        ["ListCycles"] = [C, S, L, V],
        ["GetCycle"] = [C, S, L],
        ["GetCycleSummary"] = [C, S, V],
        ["GetPlanYear"] = [C, S, V],
        ["ExtendCycle"] = [C],
        ["CloseCycle"] = [C],
        ["ResumeCycle"] = [C],
        ["CancelCycle"] = [C],
        ["ReadObligation"] = [C, S, L],
        ["ReadAttachment"] = [C, S, L],
        ["ReturnSubmission"] = [C],
        ["AcceptSubmission"] = [C],
        ["DecideExtensionRequest"] = [C],
        ["GetAudit"] = [C, S],
        ["CoordinatorPage"] = [C, S, L, V],
        ["PlansPage"] = [C],
        ["YearPage"] = [C, S, V],
        ["GetMyObligations"] = [],
        ["SubmitMyObligation"] = [],
        ["SaveMyDraft"] = [],
        ["GetMyHistory"] = [],
        ["GetMyContact"] = [],
        ["SaveMyContact"] = [],
        ["RequestExtension"] = [],
        ["AttachFile"] = [],
        ["GetMyAttachment"] = [],
        ["DeleteMyAttachment"] = [],
        ["GetUnitPage"] = [],
        ["PostUnitPage"] = [],
        ["GetOpenApi"] = [],
        ["GetAsset"] = [],
    };

    [Fact]
    public void Every_route_has_its_row_in_the_written_table_and_states_the_same_roles()
    {
        Granted.Keys.Should().BeEquivalentTo(Routes.All.Select(r => r.Name), "a new route needs its roles decided here and in README");
        foreach (ApiRoute route in Routes.All)
        {
            route.Access.Roles.Should().BeEquivalentTo(Granted[route.Name], route.Name);
        }
    }

    /// <summary>The one status each caller must get from each route.</summary>
    private static int Expected(ApiRoute route, Who who)
    {
        if (route.Access.Kind == RouteAccessKind.Anyone)
        {
            return 200;
        }

        if (route.Access.Kind == RouteAccessKind.Unit)
        {
            return 401; // a person's sign-in or the admin key is not a unit's link
        }

        bool write = route.Method != "GET";
        Role? role = who switch
        {
            Who.Viewer => Role.Viewer,
            Who.Leader => Role.Leader,
            Who.Supervision => Role.Supervision,
            Who.Coordinator or Who.CoordinatorWithoutToken or Who.Key => Role.Coordinator,
            _ => null,
        };
        if (who == Who.WrongKey)
        {
            return 401;
        }

        if (role is null)
        {
            return route.IsPage ? StatusCodes302 : 401;
        }

        if (!Granted[route.Name].Contains(role.Value))
        {
            return 403;
        }

        if (who == Who.CoordinatorWithoutToken && write)
        {
            return 403;
        }

        return route.Name == "ResumeCycle" ? 409 : route.SuccessStatus; // the cycle runs normally: nothing to resume
    }

    private HttpRequestMessage Request(ApiRoute route, Who who)
    {
        string acting = who == Who.Key ? "key" : "coordinator";
        string path = "/" + string.Join('/', route.Template.Split('/').Select(s => s switch
        {
            "{cycleId}" => CycleId,
            "{planId}" => route.Name == "PutPlan" ? $"matrix-{who.ToString().ToLowerInvariant()}"
                : route.Name is "UploadPlanDraft" or "CorrectPlanDraft" or "ConfirmPlanDraft" ? $"matrix-draft-{who.ToString().ToLowerInvariant()}"
                : "jingdezhen",
            "{unitId}" => route.Name == "DecideExtensionRequest" ? (who == Who.Key ? "lps" : "flx") : leaderUnit,
            "{task}" => route.Template.StartsWith("api/cycles/", StringComparison.Ordinal) ? leaderTask.ToString(System.Globalization.CultureInfo.InvariantCulture) : "1",
            "{id}" => attachmentId,
            "{name}" => "site.css",
            "{year}" => "2020",
            _ => s,
        }));
        var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
        request.Content = route.Name switch
        {
            "PutPlan" => new StringContent(Samples.Read("jingdezhen.txt"), Encoding.UTF8, "text/plain"),
            "PutDirectory" => Json(Samples.Read("directory.json")),
            "UploadPlanDraft" => new StringContent(Samples.Read("jingdezhen.txt"), Encoding.UTF8, "text/plain"),
            "CorrectPlanDraft" => Json("""{ "action": "setPlanTitle", "title": "矩阵测试方案" }"""),
            "SaveMyContact" => Json("""{ "filler": "王芳", "phone": "0798-8222333", "approver": "李强" }"""),
            "StartCycle" => Json("""{ "planId": "jingdezhen", "quarter": "2020Q3", "policy": { "kind": "demo", "secondsPerDay": 3600 } }"""),
            "ExtendCycle" => Json("""{ "unitId": "lps", "due": "2020-10-25", "reason": "防汛" }"""),
            "ReturnSubmission" => Json($$"""{ "unitId": "rsj", "task": {{(acting == "key" ? submittedRsj[1] : submittedRsj[0])}}, "reason": "请补充数据" }"""),
            "DecideExtensionRequest" => Json("""{ "approve": true, "note": "同意" }"""),
            "PostUnitPage" => new FormUrlEncodedContent(new Dictionary<string, string> { ["action"] = "draft", ["task"] = "1" }),
            "AttachFile" => new ByteArrayContent([1, 2, 3]),
            _ when route.Method is "POST" or "PUT" => Json("{}"),
            _ => null,
        };
        return request;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Waits until the opening step's writes (its mails marked sent) are over, so a change after a refusal is the refusal's.</summary>
    private async Task SettleAsync()
    {
        IReadOnlyDictionary<string, string> last = await storage!.TakeAsync();
        for (int quiet = 0, i = 0; quiet < 3; i++)
        {
            if (i > 120)
            {
                throw new TimeoutException("Storage did not settle.");
            }

            await Task.Delay(500);
            IReadOnlyDictionary<string, string> now = await storage.TakeAsync();
            quiet = StorageSnapshot.Changes(last, now).Count == 0 ? quiet + 1 : 0;
            last = now;
        }
    }
}
