namespace SixStability.Workflow.Access;

/// <summary>
/// Where a person signs in and out on this host: App Service Authentication's <c>/.auth/…</c> endpoints in
/// Azure, DevHost's local sign-in page on this machine.
/// </summary>
/// <param name="LoginFormat">The sign-in address, <c>{0}</c> being the escaped local path to return to.</param>
/// <param name="LogoutUrl">The sign-out address.</param>
/// <param name="LogoutByPost">True when sign-out is a form post (DevHost, with the anti-forgery token); false for a link (Azure).</param>
public sealed record SignInFlow(string LoginFormat, string LogoutUrl, bool LogoutByPost)
{
    /// <summary>DevHost's page listing the directory's people (<c>/signin</c>), for the demo and the tests.</summary>
    public static SignInFlow Local { get; } = new("/signin?returnUrl={0}", "/signout", LogoutByPost: true);

    /// <summary>App Service Authentication with Microsoft Entra ID.</summary>
    public static SignInFlow AppService { get; } = new("/.auth/login/aad?post_login_redirect_uri={0}", "/.auth/logout?post_logout_redirect_uri=%2Fcoord", LogoutByPost: false);

    /// <summary>The sign-in address that brings the person back to <paramref name="returnPath"/> (a local path only).</summary>
    public string LoginUrl(string returnPath) =>
        string.Format(CultureInfo.InvariantCulture, LoginFormat, Uri.EscapeDataString(LocalPath(returnPath)));

    /// <summary>A path on this site, or <c>/coord</c>: never another site (<c>//evil</c>, <c>/\evil</c>, <c>https://…</c>).</summary>
    public static string LocalPath(string? path) =>
        path is { Length: > 0 } && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\')) && !path.Any(char.IsControl)
            ? path
            : "/coord";
}
