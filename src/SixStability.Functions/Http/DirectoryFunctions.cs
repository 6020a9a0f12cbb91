using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SixStability.Workflow.Http;
using SixStability.Workflow.Units;

namespace SixStability.Functions.Http;

/// <summary>Coordinator routes for the unit directory.</summary>
public sealed class DirectoryFunctions(DirectoryHandlers directory)
{
    [Function("PutDirectory")]
    public async Task<IActionResult> PutDirectory(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = ApiRoutes.Prefix + ApiRoutes.Directory)] HttpRequest request,
        CancellationToken cancellationToken) => await directory.PutAsync(request, cancellationToken).ConfigureAwait(false);

    [Function("GetDirectory")]
    public async Task<IActionResult> GetDirectory(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Prefix + ApiRoutes.Directory)] HttpRequest request,
        CancellationToken cancellationToken) => await directory.GetAsync(cancellationToken).ConfigureAwait(false);
}
