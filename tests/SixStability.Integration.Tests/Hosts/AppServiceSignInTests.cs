using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SixStability.Functions.Http;
using SixStability.Infrastructure;
using SixStability.Integration.Tests.Support;
using SixStability.Workflow.Access;
using SixStability.Workflow.Http;

namespace SixStability.Integration.Tests.Hosts;

/// <summary>
/// The Function app's way in, with its own service registration (Program.cs): App Service Authentication's
/// principal when the platform's authentication is on, never otherwise; pages without a sign-in go to
/// <c>/.auth/login/aad</c>, the API answers 401; the admin key works in its header only.
/// </summary>
public sealed class AppServiceSignInTests
{
    private const string Key = "function-app-admin-key";

    private static string Principal(params string[] roles) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $$"""{"auth_typ":"aad","claims":[{"typ":"http://schemas.microsoft.com/identity/claims/objectidentifier","val":"oid-7"},{"typ":"name","val":"王科长"},{"typ":"preferred_username","val":"lwlb@example.gov.cn"}{{string.Concat(roles.Select(r => $$""",{"typ":"roles","val":"{{r}}"}"""))}}]}"""));

    private static async Task<ServiceProvider> FunctionAppAsync(bool authenticationOn)
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = await SharedAzurite.ConnectionStringAsync(),
            ["Storage:TablePrefix"] = "f" + Guid.NewGuid().ToString("N")[..12],
            ["Admin:Key"] = Key,
            ["Links:SigningKey"] = "function-app-signing-key",
            [AppServiceCaller.EnabledSetting] = authenticationOn ? "True" : null,
        }).Build();

        // As Program.cs registers them.
        var services = new ServiceCollection().AddLogging().AddSingleton(configuration).AddSixStability(configuration);
        services.Configure<AccessOptions>(o => o.SignIn = SignInFlow.AppService);
        services.AddSingleton<AppServiceCaller>();
        services.AddSingleton<FunctionRoutes>();
        return services.BuildServiceProvider();
    }

    private static async Task<ApiResult> CallAsync(ServiceProvider app, string function, string method, string path, string? principal = null, string? key = null)
    {
        var context = new DefaultHttpContext { RequestServices = app };
        context.Request.Method = method;
        context.Request.Path = path.Split('?')[0];
        context.Request.QueryString = path.Contains('?', StringComparison.Ordinal) ? new QueryString(path[path.IndexOf('?', StringComparison.Ordinal)..]) : QueryString.Empty;
        if (principal is not null)
        {
            context.Request.Headers[ClientPrincipalHeader.Name] = principal;
        }

        if (key is not null)
        {
            context.Request.Headers[CallerResolver.KeyHeader] = key;
        }

        IActionResult result = await app.GetRequiredService<FunctionRoutes>().InvokeAsync(function, context.Request);
        return (ApiResult)result;
    }

    [Fact]
    public async Task With_the_platforms_authentication_on_its_principal_is_the_caller_with_their_app_roles()
    {
        await using ServiceProvider app = await FunctionAppAsync(authenticationOn: true);

        ApiResult coordinator = await CallAsync(app, "GetDirectory", "GET", "/api/directory", Principal("Coordinator"));
        ApiResult leader = await CallAsync(app, "GetDirectory", "GET", "/api/directory", Principal("Leader"));
        ApiResult noRole = await CallAsync(app, "CoordinatorPage", "GET", "/coord", Principal());

        coordinator.Status.Should().Be(404, "allowed: there is no directory yet");
        leader.Status.Should().Be(403);
        noRole.Status.Should().Be(403);
        noRole.ToString().Should().Contain("还没有本系统的角色");
    }

    [Fact]
    public async Task Without_a_sign_in_a_page_goes_to_Entra_ID_sign_in_and_the_API_answers_401()
    {
        await using ServiceProvider app = await FunctionAppAsync(authenticationOn: true);

        ApiResult page = await CallAsync(app, "CoordinatorPage", "GET", "/coord?cycle=jingdezhen-2020Q3");
        ApiResult api = await CallAsync(app, "ListCycles", "GET", "/api/cycles");

        page.Status.Should().Be(302);
        page.Location.Should().Be("/.auth/login/aad?post_login_redirect_uri=%2Fcoord%3Fcycle%3Djingdezhen-2020Q3");
        api.Status.Should().Be(401);
        api.ContentType.Should().StartWith("application/problem+json");
    }

    [Fact]
    public async Task With_the_platforms_authentication_off_a_principal_header_is_anyones_and_is_ignored_the_key_still_works()
    {
        await using ServiceProvider app = await FunctionAppAsync(authenticationOn: false);

        ApiResult forged = await CallAsync(app, "ListCycles", "GET", "/api/cycles", Principal("Coordinator"));
        ApiResult key = await CallAsync(app, "ListCycles", "GET", "/api/cycles", key: Key);
        ApiResult inAddress = await CallAsync(app, "ListCycles", "GET", "/api/cycles?code=" + Key);

        app.GetRequiredService<AppServiceCaller>().TrustsPrincipalHeader.Should().BeFalse();
        forged.Status.Should().Be(401);
        key.Status.Should().Be(200);
        inAddress.Status.Should().Be(401, "the key is read from its header only");
    }

    [Theory]
    [InlineData("203.0.113.7:51234", "203.0.113.7")]
    [InlineData("198.51.100.1, 203.0.113.7:443, 10.0.0.4", "203.0.113.7")]
    [InlineData("[2001:db8::1]:443", "2001:db8::1")]
    [InlineData("", null)]
    public void The_clients_address_is_the_last_public_one_App_Services_front_end_recorded(string forwarded, string? expected)
    {
        var context = new DefaultHttpContext();
        if (forwarded.Length > 0)
        {
            context.Request.Headers["X-Forwarded-For"] = forwarded;
        }

        AppServiceCaller.ClientAddress(context.Request).Should().Be(expected);
    }
}
