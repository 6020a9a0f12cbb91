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
            if (route.Access.Kind != RouteAccessKind.Anyone)
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

    [Fact]
    public void Every_route_for_people_names_its_roles_and_both_ways_in_and_answers_403_and_a_page_302()
    {
        JsonObject document = OpenApiDocument_();
        JsonObject paths = document["paths"]!.AsObject();
        JsonObject schemes = document["components"]!["securitySchemes"]!.AsObject();

        schemes["functionKey"]!["in"]!.GetValue<string>().Should().Be("header", "the admin key never rides in an address");
        schemes["functionKey"]!["name"]!.GetValue<string>().Should().Be("x-functions-key");
        schemes["signIn"]!["type"]!.GetValue<string>().Should().Be("apiKey");
        foreach (ApiRoute route in Routes.All)
        {
            JsonObject operation = paths["/" + route.Template]![route.Method.ToLowerInvariant()]!.AsObject();
            string[] security = [.. operation["security"]!.AsArray().SelectMany(s => s!.AsObject().Select(p => p.Key))];
            switch (route.Access.Kind)
            {
                case RouteAccessKind.People:
                    security.Should().BeEquivalentTo(["signIn", "functionKey"], route.Name);
                    operation["x-roles"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal(route.Access.Roles.Select(r => r.ToString()), route.Name);
                    operation["responses"]!["403"].Should().NotBeNull(route.Name);
                    (operation["responses"]!["302"] is not null).Should().Be(route.IsPage, route.Name);
                    break;
                case RouteAccessKind.Unit:
                    security.Should().Equal(["unitLink"], route.Name);
                    break;
                default:
                    security.Should().BeEmpty(route.Name);
                    break;
            }
        }
    }

    private static JsonObject OpenApiDocument_() => JsonSerializer.SerializeToNode(SixStability.Workflow.Http.OpenApiDocument.Build())!.AsObject();
}
