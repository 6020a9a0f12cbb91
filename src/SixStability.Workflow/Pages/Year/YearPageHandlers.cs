namespace SixStability.Workflow.Pages.Year;

/// <summary>
/// <c>/coord/year?plan=…&amp;year=…</c> (the route has checked the role): the plan's year as <see cref="YearReports"/>
/// compiles it. Without a query it opens the latest plan and year that have a cycle; a refused or empty query shows
/// the form again with the reason, under the API's status (400, 404).
/// </summary>
public sealed class YearPageHandlers(HtmlComposer html, YearReports years, ICycleStore cycles)
{
    public async Task<ApiResult> GetAsync(RouteCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        List<(string Plan, int Year)> known = [.. (await cycles.ListAsync(call.Aborted).ConfigureAwait(false))
            .Where(c => c.Status != CycleStatus.Cancelled)
            .OrderByDescending(c => c.Frame.Quarter)
            .Select(c => (c.Frame.PlanId, c.Frame.Quarter.Year))
            .Distinct()];
        string plan = call.Request.Query["plan"].ToString().Trim();
        string year = call.Request.Query["year"].ToString().Trim();
        if (plan.Length == 0 && year.Length == 0 && known.Count > 0)
        {
            (plan, int latest) = known[0];
            year = latest.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var parameters = new Dictionary<string, object?> { ["PlanId"] = plan, ["YearText"] = year, ["Known"] = known };
        int status = StatusCodes.Status200OK;
        if (plan.Length == 0 && year.Length == 0)
        {
            parameters["Message"] = "尚无报送周期：启动报送周期后即可查看年度考评。";
        }
        else
        {
            Outcome<YearReview> review = await years.CompileAsync(plan, year, call.Aborted).ConfigureAwait(false);
            status = OutcomeResults.Status(review.Kind);
            parameters[review.IsOk ? "Review" : "Message"] = review.IsOk ? review.Value : review.Message;
        }

        return ApiResult.Html(status, await html.PageAsync<YearPage>(parameters).ConfigureAwait(false));
    }
}
