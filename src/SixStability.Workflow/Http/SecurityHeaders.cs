namespace SixStability.Workflow.Http;

/// <summary>
/// The headers every answer carries, on both hosts: <see cref="ApiResult"/> writes them for everything the
/// route table answers, DevHost for its own pages (<c>/dev/mail</c>, 404s, redirects). One place, so the
/// Function app and DevHost cannot drift apart.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Pages people open (<c>/u</c>, <c>/coord</c>, error pages): script and style only from files of this
    /// origin, nothing inline. The board's script and the stylesheet are files under <c>/assets</c>, so this
    /// holds; forms post only here; no page may be framed (clickjacking a unit's 提交报送 button).
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// A document written to be mailed (the quarterly summary's HTML, a mail shown by the development sink):
    /// mail clients drop style sheets, so its look lives in style attributes, and the same bytes are served
    /// here. Inline <em>style</em> only: scripts stay forbidden, and nothing may load from elsewhere, so an
    /// injected style could neither run code nor send anything out.
    /// </summary>
    public const string MailDocumentPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <param name="mailDocument">Serving a document made for mail (<see cref="MailDocumentPolicy"/>).</param>
    /// <param name="cacheSeconds">A static file that may be cached this long; everything else is <c>no-store</c>: pages and answers carry a unit's data and its link.</param>
    public static void Apply(HttpResponse response, bool mailDocument = false, int? cacheSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        IHeaderDictionary headers = response.Headers;
        headers.ContentSecurityPolicy = mailDocument ? MailDocumentPolicy : PagePolicy;
        headers.XContentTypeOptions = "nosniff";

        // frame-ancestors above for current browsers, X-Frame-Options for the old office ones (IE 11).
        headers.XFrameOptions = "DENY";

        // The unit's link carries its token in the query: never send it on to another site.
        headers["Referrer-Policy"] = "no-referrer";

        // Another site may not embed a unit's file or JSON as a resource of its own.
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.CacheControl = cacheSeconds is int seconds ? "public, max-age=" + seconds.ToString(CultureInfo.InvariantCulture) : "no-store";
    }
}
