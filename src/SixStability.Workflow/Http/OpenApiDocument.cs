using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using SixStability.Core.Text;

namespace SixStability.Workflow.Http;

/// <summary>
/// <c>GET /api/openapi.json</c>: an OpenAPI 3.1 description drawn from <see cref="Routes"/> — every
/// route with its parameters, request and response schemas (exported from the same types the
/// handlers read and write) and the problem+json errors. Both hosts serve the same bytes.
/// </summary>
public static class OpenApiDocument
{
    private static readonly Lazy<byte[]> Bytes = new(() => JsonSerializer.SerializeToUtf8Bytes(Build(), Json.Indented));

    public static ApiResult Result => ApiResult.File(Bytes.Value, "application/json; charset=utf-8");

    public static JsonObject Build()
    {
        var paths = new JsonObject();
        foreach (IGrouping<string, ApiRoute> path in Routes.All.GroupBy(r => "/" + r.Template))
        {
            var item = new JsonObject();
            foreach (ApiRoute route in path)
            {
                item[route.Method.ToLowerInvariant()] = Operation(route);
            }

            paths[path.Key] = item;
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "SixStability 六稳六保落实情况调度",
                ["version"] = "1",
                ["description"] = "调度接口按角色开放（协调员、督查室、分管领导、查看；每个操作的 x-roles 列出可调用的角色）：人员登录后以浏览器会话调用（写操作须带 X-CSRF-Token），脚本在 x-functions-key 请求头中提供管理员密钥（视同协调员）。各单位的报送接口使用邮件中的专属链接（Bearer 令牌或 ?t= 参数）。错误均为 application/problem+json。",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["functionKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = CallerResolver.KeyHeader, ["description"] = "管理员密钥（脚本用；Admin:Key，Azure 中为 Key Vault 机密 admin-key），视同协调员。只放在请求头，不放在地址里" },
                    ["signIn"] = new JsonObject { ["type"] = "apiKey", ["in"] = "cookie", ["name"] = "AppServiceAuthSession", ["description"] = "登录后的浏览器会话：Azure 中为 App Service 身份验证（Microsoft Entra ID）的会话 Cookie，DevHost 中为本机登录的 sixstability-session。角色来自 Entra ID 应用角色（Auth:Roles:*）。写操作还须在 X-CSRF-Token 请求头中带上页面提供的防伪令牌" },
                    ["unitLink"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer", ["description"] = "单位的专属链接令牌" },
                },
                ["schemas"] = new JsonObject { ["Problem"] = Schema(typeof(ApiResult.ProblemBody)) },
            },
        };
    }

    private static JsonObject Operation(ApiRoute route)
    {
        var parameters = new JsonArray();
        foreach (string name in route.Parameters)
        {
            parameters.Add(new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        foreach ((string name, string description) in route.Query)
        {
            parameters.Add(new JsonObject { ["name"] = name, ["in"] = "query", ["description"] = description, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        foreach ((string name, string description) in route.Headers)
        {
            parameters.Add(new JsonObject { ["name"] = name, ["in"] = "header", ["description"] = description, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        var operation = new JsonObject
        {
            ["operationId"] = route.Name,
            ["summary"] = route.Summary,
            ["tags"] = new JsonArray(route.Access.Kind switch { RouteAccessKind.People => "调度", RouteAccessKind.Unit => "报送单位", _ => "公开" }),
        };
        if (route.Access.Kind == RouteAccessKind.People)
        {
            // Who may call it: the roles' app role names, and in words (the admin key counts as 协调员).
            operation["x-roles"] = new JsonArray([.. route.Access.Roles.Select(r => (JsonNode)JsonValue.Create(r.ToString())!)]);
            operation["description"] = $"角色：{route.Access}（管理员密钥视同协调员）。";
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (route.Body is not null || route.BodyMediaTypes.Count > 0)
        {
            var content = new JsonObject();
            if (route.Body is not null)
            {
                content["application/json"] = new JsonObject { ["schema"] = Schema(route.Body) };
            }

            foreach (string type in route.BodyMediaTypes.Where(t => route.Body is null || t != "application/json"))
            {
                content[type] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } };
            }

            operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = content };
        }

        operation["responses"] = Responses(route);
        operation["security"] = route.Access.Kind switch
        {
            RouteAccessKind.People => new JsonArray(new JsonObject { ["signIn"] = new JsonArray() }, new JsonObject { ["functionKey"] = new JsonArray() }),
            RouteAccessKind.Unit => new JsonArray(new JsonObject { ["unitLink"] = new JsonArray() }),
            _ => new JsonArray(),
        };
        return operation;
    }

    private static JsonObject Responses(ApiRoute route)
    {
        var success = new JsonObject { ["description"] = route.SuccessStatus == 303 ? "已保存，转回页面" : "成功" };
        if (route.Response is not null)
        {
            success["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Schema(route.Response) } };
        }
        else if (route.ResponseMediaType is { } type)
        {
            success["content"] = new JsonObject { [type] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } } };
        }

        var responses = new JsonObject { [route.SuccessStatus.ToString(System.Globalization.CultureInfo.InvariantCulture)] = success };
        void Problem(int status, string description) =>
            responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["description"] = description,
                ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/Problem" } } },
            };

        if (route.Body is not null || route.BodyMediaTypes.Count > 0 || route.Parameters.Count > 0 || route.Query.Count > 0)
        {
            Problem(StatusCodes.Status400BadRequest, "请求内容有误（errors 逐项说明）");
        }

        if (route.Access.Kind == RouteAccessKind.Unit)
        {
            Problem(StatusCodes.Status401Unauthorized, "缺少、无效或过期的专属链接");
        }
        else if (route.Access.Kind == RouteAccessKind.People)
        {
            if (route.IsPage)
            {
                responses["302"] = new JsonObject { ["description"] = "未登录：转到登录页，登录后回到本页" };
            }

            Problem(StatusCodes.Status401Unauthorized, route.IsPage ? "管理员密钥错误" : "未登录，或管理员密钥缺失或错误");
            Problem(StatusCodes.Status403Forbidden, "角色不允许（或分管领导访问非分管单位），或登录后的写操作缺少防伪令牌");
        }

        Problem(StatusCodes.Status404NotFound, "不存在");
        if (route.Method != "GET")
        {
            Problem(StatusCodes.Status409Conflict, "已被他人修改（If-Match 过期）或周期已关闭");
            Problem(StatusCodes.Status503ServiceUnavailable, "同时修改的人过多，请按 Retry-After 稍后重试");
        }

        if (route.Body is not null || route.BodyMediaTypes.Count > 0)
        {
            Problem(StatusCodes.Status413PayloadTooLarge, "请求内容过大");
        }

        Problem(StatusCodes.Status500InternalServerError, "服务器内部错误（errorId 为日志中的错误编号）");
        return responses;
    }

    private static JsonNode Schema(Type type) =>
        JsonSchemaExporter.GetJsonSchemaAsNode(Json.Options, type, new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, schema) =>
                context.TypeInfo.Type == typeof(Quarter) || Nullable.GetUnderlyingType(context.TypeInfo.Type) == typeof(Quarter)
                    ? new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{4}Q[1-4]$", ["examples"] = new JsonArray("2020Q3") }
                    : schema is JsonValue ? new JsonObject() // "true" (any JSON): written as {} for readers that expect an object
                    : schema,
        });
}
