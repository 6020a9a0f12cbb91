using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SixStability.Workflow.Http;
using SixStability.Workflow.Pages;

namespace SixStability.Functions.Http;

/// <summary>The pages people open: a unit's form at /u (its signed link is the credential), the coordinator's view at /coord (the function key).</summary>
public sealed class PageFunctions(UnitFormPage unitPage)
{
    [Function("UnitPage")]
    public async Task<IActionResult> Unit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = PageRoutes.Unit)] HttpRequest request,
        CancellationToken cancellationToken) =>
        HttpMethods.IsPost(request.Method)
            ? await unitPage.PostAsync(request, cancellationToken).ConfigureAwait(false)
            : await unitPage.GetAsync(request, cancellationToken).ConfigureAwait(false);

    [Function("CoordinatorPage")]
    public static IActionResult Coordinator(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = PageRoutes.Coordinator)] HttpRequest request) => AdminPage.Get();
}
