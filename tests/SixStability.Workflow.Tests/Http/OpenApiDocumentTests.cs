using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using SixStability.Workflow.Http;

namespace SixStability.Workflow.Tests.Http;

public sealed class OpenApiDocumentTests
{
    private static readonly string Json = OpenApiDocument_().ToJsonString();

    [Fact]
    public void The_document_reads_back_as_valid_OpenAPI_3_with_no_errors()
    {
        ReadResult read = Microsoft.OpenApi.OpenApiDocument.Parse(Json, "json");

        read.Diagnostic!.Errors.Should().BeEmpty();
        read.Diagnostic.SpecificationVersion.Should().Be(OpenApiSpecVersion.OpenApi3_1);
        read.Document!.Paths.Should().NotBeEmpty();
    }

    [Fact]
    public void Every_route_of_the_table_is_described_with_its_method_parameters_and_answers()
    {
        JsonObject paths = OpenApiDocument_()["paths"]!.AsObject();

        foreach (ApiRoute route in Routes.All)
        {
            JsonObject operation = paths["/" + route.Template]![route.Method.ToLowerInvariant()]!.AsObject();
            operation["operationId"]!.GetValue<string>().Should().Be(route.Name);
            operation["responses"]![route.SuccessStatus.ToString(System.Globalization.CultureInfo.InvariantCulture)].Should().NotBeNull(route.Name);
            ((operation["parameters"] as JsonArray) ?? []).Where(p => p!["in"]!.GetValue<string>() == "path").Select(p => p!["name"]!.GetValue<string>())
                .Should().Equal(route.Parameters, route.Name);
            if (route.Access != RouteAccess.Anyone)
            {
                operation["responses"]!["401"]!["content"]!["application/problem+json"].Should().NotBeNull(route.Name);
            }
        }

        paths.Select(p => p.Value!.AsObject().Count).Sum().Should().Be(Routes.All.Count, "nothing is described that the hosts do not serve");
    }

    [Fact]
    public void Request_and_response_schemas_come_from_the_types_the_handlers_read_and_write()
    {
        JsonObject paths = OpenApiDocument_()["paths"]!.AsObject();

        JsonNode submit = paths["/" + RouteTemplates.MySubmission]!["post"]!;
        JsonNode start = paths["/" + RouteTemplates.Cycles]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;

        submit["requestBody"]!["content"]!["application/json"]!["schema"]!["properties"]!.AsObject().Select(p => p.Key).Should().Contain(["narrative", "status", "indicators", "difficulties", "nextSteps"]);
        submit["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["properties"]!["replayed"].Should().NotBeNull();
        start["properties"]!["policy"].Should().NotBeNull();
        OpenApiDocument_()["components"]!["schemas"]!["Problem"]!["properties"]!.AsObject().Select(p => p.Key).Should().Contain(["title", "status", "detail", "errors"]);
    }

    private static JsonObject OpenApiDocument_() => JsonSerializer.SerializeToNode(SixStability.Workflow.Http.OpenApiDocument.Build())!.AsObject();
}
