using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SixStability.Workflow.Http;

namespace SixStability.Integration.Tests.Security.Fuzz;

/// <summary>
/// Makes one hostile request for a route of <see cref="Routes.All"/>: path values, query, credentials,
/// headers, content type and body chosen from what an attacker or a careless client sends — with enough
/// valid pieces mixed in that requests get past the first check and reach the use cases and the stores.
/// JSON bodies are built from the route's declared body type, so a new route is fuzzed without edits here.
/// </summary>
internal sealed class FuzzRequests(FuzzTarget target, Random random)
{
    private const string OtherCycle = "jingdezhen-2020Q4";

    private static readonly string[] Hostile =
    [
        "", " ", "'", "\"", "#", "/", "\\", "?", "%", "|", "&", "=", "..", "../../etc/passwd", "%2e%2e%2f", "' or 1 eq 1 or '",
        "PartitionKey eq 'x'", "\u0000", "\u0007\u001b[31m", "x\u202Elmth.pdf", "\u200B", "\uFEFF", "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>", "{{nope}}", "{0}", "${jndi:ldap://x}", "𠀀𠀁", "按进度推进", "null", "true", "0", "-1",
        "1e309", "NaN", "9999-12-31", "0001-01-01", "2020-02-30", "\ud800", "\udc00x", "Ａ全角", "e\u0301", "admin", "~", "*",
        new string('长', 5001), new string('x', 40_000), "1.6万", "１６０００", "16,000", "2020Q3", "jingdezhen-2020Q3", "rsj",
    ];

    private static readonly string[] Texts = ["三季度完成改造1.2万户。", "按计划推进，完成率 100%。", "第一行\n第二行", "完成率'100%'", "\"引号\"与#号/斜杠\\反斜杠?"];

    private static readonly string[] Statuses = ["按进度推进", "滞后", "已完成"];

    private static readonly string[] Dates = ["2020-10-20", "2020-10-14", "2020-11-30", "2021-03-31", "2020-09-30", "2020-10-01", "9999-12-30", "9999-12-31", "0001-01-01", "2027-12-31", "2030-01-01", "2020-13-01", "2020-02-30", "20201020", "2020/10/20", "2020-10-20T00:00:00", ""];

    private static readonly string[] Quarters = ["2020Q3", "2020Q4", "2021Q1", "2019Q4", "9999Q4", "0001Q1", "2020Q5", "2020q3", "2020Q0", "-1Q1"];

    private static readonly string[] FileNames = ["台账.pdf", "report.docx", "表.xlsx", "扫描件.jpg", "x\u202Elmth.pdf", "../../a.pdf", "a.exe", "a.pdf\u0000.exe", "", ".pdf", "Re\u0301sume\u0301.pdf", new string('长', 200) + ".pdf", "a\u200B.pdf", "con.pdf", "a.PDF", "a.pdf.", "a\r\nb.pdf"];

    private static readonly string[] ContentTypes =
    [
        "application/json", "text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded", "multipart/form-data",
        "multipart/form-data; boundary=", "application/octet-stream", "text/plain; charset=gbk", "application/json; charset=utf-16", "garbage", "a/b/c",
    ];

    private static readonly string[] Actions = ["draft", "submit", "attach", "detach", "extension"];

    private readonly List<string> attachmentIds = [];

    /// <summary>
    /// This case is plausible: valid credentials, path, content type and values, as a correct client sends
    /// them, so it reaches the use cases and the stores (and later cases meet the state it leaves). The
    /// others are hostile in one or more parts.
    /// </summary>
    private bool plausible;

    /// <summary>The unit this case acts as or on: its path, body and link agree when the case is plausible.</summary>
    private string unit = "rsj";

    /// <summary>What the last request was, for a failure report.</summary>
    public string Description { get; private set; } = string.Empty;

    /// <summary>The last request was a write that a browser marked as coming from another site: it must be refused.</summary>
    public bool CrossSiteWrite { get; private set; }

    public (ApiRoute Route, HttpRequestMessage Request) Next()
    {
        ApiRoute route = Routes.All[random.Next(Routes.All.Count)];
        plausible = random.Next(10) < 4;

        // Mostly a few units, so a request, its approval and a return meet the same unit's state.
        string[] units = [.. target.Units.Keys];
        unit = plausible || random.Next(10) < 6 ? units[random.Next(Math.Min(4, units.Length))]
            : random.Next(10) < 8 ? units[random.Next(units.Length)] : Hostile[random.Next(Hostile.Length)];
        var query = new List<(string Name, string Value)>();
        var headers = new List<(string Name, string Value)>();
        string credential = Credentials(route, query, headers);

        string path = "/" + string.Join('/', route.Template.Split('/').Select(s => s.StartsWith('{') ? Segment(s[1..^1]) : s));
        foreach ((string name, _) in route.Query.Where(q => q.Name != "t"))
        {
            if (plausible || random.Next(3) > 0)
            {
                query.Add((name, name switch
                {
                    "name" => plausible ? Pick(FileNames[..4]) : Pick(FileNames),
                    "format" => plausible ? Pick(["html", "docx", "json"]) : Pick(["html", "docx", "json", "xlsx", "HTML", "pdf", Pick(Hostile)]),
                    _ => Pick(Hostile),
                }));
            }
        }

        if (!plausible && random.Next(12) == 0)
        {
            query.Add((Pick(Hostile), Pick(Hostile)));
        }

        HttpMethod method = !plausible && random.Next(40) == 0 ? new HttpMethod(Pick(["PATCH", "PUT", "DELETE", "POST", "GET", "OPTIONS"])) : new HttpMethod(route.Method);
        string url = path + (query.Count == 0 ? string.Empty : "?" + string.Join('&', query.Select(q => Escape(q.Name) + "=" + Escape(q.Value))));
        var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        (HttpContent? content, string body) = method == HttpMethod.Get || (!plausible && random.Next(25) == 0) ? (null, "(none)") : Body(route);
        request.Content = content;
        Headers(route, headers);
        foreach ((string name, string value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        CrossSiteWrite = method != HttpMethod.Get && method != HttpMethod.Head && method != HttpMethod.Options
            && headers.Any(h => (h.Name == "Sec-Fetch-Site" && h.Value != "same-origin") || (h.Name == "Origin" && h.Value is "null" or "https://evil.example"));

        Description = (plausible ? "plausible " : string.Empty) + $"{method} {Short(url, 300)} [{credential}] [{string.Join("; ", headers.Where(h => h.Name != "Authorization").Select(h => h.Name + ": " + Short(h.Value, 60)))}] " +
            $"content-type {content?.Headers.ContentType?.ToString() ?? "none"} body {Short(body, 300)}";
        return (route, request);
    }

    /// <summary>Keeps what an answer reveals that later cases can use (the id of a file just attached).</summary>
    public void Learn(ApiRoute route, int status, string body)
    {
        ArgumentNullException.ThrowIfNull(route);
        if (route.Name == "AttachFile" && status == 201)
        {
            try
            {
                using JsonDocument file = JsonDocument.Parse(body);
                attachmentIds.Add(file.RootElement.GetProperty("id").GetString()!);
            }
            catch (JsonException)
            {
            }
        }
    }

    private string Credentials(ApiRoute route, List<(string, string)> query, List<(string, string)> headers)
    {
        switch (route.Access)
        {
            case RouteAccess.Coordinator:
                int c = plausible ? 19 : random.Next(20);
                if (c < 3)
                {
                    return "no key";
                }

                if (c < 5)
                {
                    headers.Add(("x-functions-key", Pick(["dev-admin-key", "fuzz-admin-key ", "FUZZ-ADMIN-KEY", Pick(Hostile).Replace("\n", string.Empty, StringComparison.Ordinal)])));
                    return "wrong key";
                }

                if (c < 6)
                {
                    query.Add(("code", FuzzTarget.AdminKey));
                    return "key in ?code=";
                }

                headers.Add(("x-functions-key", FuzzTarget.AdminKey));
                return "admin key";

            case RouteAccess.Unit:
                (string token, string kind) = UnitToken();
                if (token.Length == 0)
                {
                    return kind;
                }

                // The page reads its link only from ?t= (it is the link in the mail); the API takes either.
                if (route.Template == RouteTemplates.UnitPage || random.Next(2) == 0)
                {
                    query.Add(("t", token));
                }
                else
                {
                    headers.Add(("Authorization", "Bearer " + token));
                }

                return kind;

            default:
                return "anyone";
        }
    }

    private (string Token, string Kind) UnitToken()
    {
        string real = target.Units.ContainsKey(unit) ? unit : "rsj";
        return (plausible ? 19 : random.Next(20)) switch
        {
            0 => (string.Empty, "no link"),
            1 => (Pick(Hostile), "garbage link"),
            2 => (Tamper(target.UnitToken(real)), "tampered link"),
            3 => (target.UnitToken(real, days: -1), "expired link"),
            4 => (Forge($$"""{"U":"{{real}}","C":"{{FuzzTarget.CycleId}}","P":"unit","E":{{Pick(["9223372036854775807", "253402300800", "253402300799", "-9223372036854775808", "1e30", "\"x\"", "null"])}}}"""), "genuine link, absurd expiry"),
            5 => (target.UnitToken(real, OtherCycle), "link of another cycle"),
            6 => (Forge($$"""{"U":"{{real}}","C":"{{FuzzTarget.CycleId}}","P":"{{Pick(["admin", "", "Unit"])}}","E":{{DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds()}}}"""), "genuine link, other purpose"),
            7 => (Forge(Pick(["not json", "[]", "{}", new string('[', 600), """{"U":1,"C":2}"""])), "genuine link, junk payload"),
            _ => (target.UnitToken(real), "unit link"),
        };
    }

    /// <summary>A token with a genuine MAC over any payload: what a buggy (or older) signer could have issued.</summary>
    private string Forge(string json)
    {
        string payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
        return payload + "." + Base64Url.EncodeToString(HMACSHA256.HashData(target.SigningKey, Encoding.ASCII.GetBytes(payload)));
    }

    private string Tamper(string token)
    {
        if (random.Next(4) == 0)
        {
            // The MAC's last character with stray bits: a base64 decoder may throw rather than answer false.
            return token[..^2] + Pick(["xx", "AB", "_-", "zz"]);
        }

        char[] chars = token.ToCharArray();
        int at = random.Next(chars.Length);
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new string(chars);
    }

    private string Segment(string name)
    {
        bool valid = plausible || random.Next(10) < 7;
        string value = name switch
        {
            "cycleId" => valid ? FuzzTarget.CycleId : Pick([OtherCycle, "jingdezhen", "x-2020Q3", Pick(Hostile)]),
            "unitId" => valid ? unit : Pick(Hostile),
            "task" => valid && target.Units.TryGetValue(unit, out int[]? tasks) && tasks.Length > 0
                ? tasks[random.Next(tasks.Length)].ToString(System.Globalization.CultureInfo.InvariantCulture)
                : Pick(["0", "23", "99", "100", "-1", "1.5", "01", "٣", "99999999999", "abc", Pick(Hostile)]),
            "id" => valid && attachmentIds.Count > 0 ? attachmentIds[random.Next(attachmentIds.Count)] : Pick([Guid.NewGuid().ToString("N"), Pick(Hostile)]),
            "planId" => valid ? "jingdezhen" : Pick(["jingdezhen2", "JINGDEZHEN", Pick(Hostile)]),
            "name" => valid ? Pick(["site.css", "board.js"]) : Pick(["../appsettings.json", "site.css%00", "SITE.CSS", "board.js.map", Pick(Hostile)]),
            _ => Pick(Hostile),
        };

        // Now and then unescaped, as a careless client writes it (a "/" then adds a segment).
        return !plausible && random.Next(15) == 0 ? value.Replace("?", "%3F", StringComparison.Ordinal).Replace("#", "%23", StringComparison.Ordinal) : Escape(value);
    }

    private (HttpContent Content, string Text) Body(ApiRoute route)
    {
        string media = route.Body is not null ? "application/json" : route.BodyMediaTypes.Count > 0 ? route.BodyMediaTypes[random.Next(route.BodyMediaTypes.Count)] : "application/json";
        (HttpContent content, string text) = media switch
        {
            "application/json" when route.Body is not null => Json(route.Body),
            "application/json" or "text/plain" => PlanOrDirectory(route),
            "application/octet-stream" => File(),
            "application/x-www-form-urlencoded" => Form(multipart: false),
            "multipart/form-data" => Form(multipart: true),
            _ => Text(Pick(Hostile)),
        };

        if (!plausible && random.Next(8) == 0)
        {
            // The declared type does not match the bytes.
            content.Headers.Remove("Content-Type");
            string type = Pick(ContentTypes);
            content.Headers.TryAddWithoutValidation("Content-Type", type);
        }

        return (content, text);
    }

    private (HttpContent, string) Json(Type type)
    {
        string text = (plausible ? 9 : random.Next(10)) switch
        {
            0 => Pick(["", "{", "[]", "null", "\"x\"", "{\"a\":", "{}", "{\"unitId\":\"rsj\",\"unitId\":\"fgw\"}", new string('[', 2000), "\uFEFF{}"]),
            1 => Object(type, 0)!.ToJsonString() + Pick(["", "}", " trailing", ",", "\u0000"]),
            _ when plausible => Object(type, 0)!.ToJsonString(),
            _ => Mutate(Object(type, 0)!).ToJsonString(),
        };

        if (!plausible && random.Next(30) == 0)
        {
            text = "{\"narrative\":\"" + new string('长', random.Next(10_000, 40_000)) + "\"}";
        }

        return Text(text, "application/json");
    }

    private JsonNode Mutate(JsonNode node)
    {
        if (node is JsonObject obj && obj.Count > 0 && random.Next(3) == 0)
        {
            string key = obj.Select(p => p.Key).ElementAt(random.Next(obj.Count));
            switch (random.Next(4))
            {
                case 0: obj.Remove(key); break;
                case 1: obj[key] = Wrong(); break;
                case 2: obj[key + Pick(["", "X", "_"])] = Wrong(); break;
                default: obj[Pick(["__proto__", "$type", "extra", "Narrative"])] = Wrong(); break;
            }
        }

        return node;
    }

    private JsonNode? Wrong() => random.Next(7) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(int.MinValue, int.MaxValue)),
        2 => JsonValue.Create(Pick(Hostile)),
        3 => new JsonArray(JsonValue.Create(1), JsonValue.Create("x")),
        4 => new JsonObject { ["a"] = 1 },
        5 => JsonValue.Create(true),
        _ => JsonValue.Create(1e308),
    };

    private JsonNode? Object(Type type, int depth)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return JsonValue.Create(Pick(Hostile));
        }

        if (t.IsGenericType && t.GetGenericArguments() is [Type item] && typeof(System.Collections.IEnumerable).IsAssignableFrom(t))
        {
            // A plausible client sends no indicator readings: their names must be the task's own.
            int count = plausible ? 0 : random.Next(50) == 0 ? 2000 : random.Next(4);
            var array = new JsonArray();
            for (int i = 0; i < count; i++)
            {
                array.Add(Object(item, depth + 1));
            }

            return array;
        }

        ConstructorInfo? constructor = t.IsClass && depth < 4 ? t.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault() : null;
        if (constructor is null)
        {
            return Wrong();
        }

        var obj = new JsonObject();
        foreach (ParameterInfo p in constructor.GetParameters())
        {
            if (!plausible && random.Next(8) == 0)
            {
                continue;
            }

            obj[JsonNamingPolicy.CamelCase.ConvertName(p.Name!)] = Value(p.Name!, p.ParameterType, depth);
        }

        return obj;
    }

    private JsonNode? Value(string name, Type type, int depth)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        bool valid = plausible || random.Next(10) < 6;
        if (t == typeof(string))
        {
            return JsonValue.Create(name.ToLowerInvariant() switch
            {
                "unitid" => plausible ? unit : valid ? Pick([.. target.Units.Keys]) : Pick(Hostile),
                "planid" => valid ? "jingdezhen" : Pick(Hostile),
                "quarter" => plausible ? "2020Q3" : valid ? Pick(Quarters) : Pick(Hostile),
                "kind" => plausible ? "demo" : valid ? Pick(["default", "due", "demo"]) : Pick(Hostile),
                "status" => valid ? Pick(Statuses) : Pick(Hostile),
                _ => valid ? Pick(Texts) : Pick(Hostile),
            });
        }

        if (t == typeof(DateOnly))
        {
            return plausible ? JsonValue.Create(Soon()) : valid ? JsonValue.Create(Pick(Dates)) : Wrong();
        }

        if (t == typeof(int) || t == typeof(long))
        {
            if (plausible && name == "task" && target.Units.TryGetValue(unit, out int[]? tasks) && tasks.Length > 0)
            {
                return JsonValue.Create(tasks[random.Next(tasks.Length)]);
            }

            return valid ? JsonValue.Create(random.Next(0, 25)) : JsonValue.Create(Pick([-1L, 0L, 100L, int.MaxValue, long.MaxValue]));
        }

        if (t == typeof(decimal) || t == typeof(double))
        {
            return plausible ? JsonValue.Create(3600) : valid ? JsonValue.Create(Math.Round(random.NextDouble() * 30000, 2)) : Pick<JsonNode?>([JsonValue.Create(-1), JsonValue.Create(1e28), JsonValue.Create(1e308), JsonValue.Create("1.6万"), JsonValue.Create(0.000000001), JsonValue.Create(double.Epsilon), null]);
        }

        if (t == typeof(bool))
        {
            return valid ? JsonValue.Create(random.Next(2) == 0) : Wrong();
        }

        return Object(t, depth + 1);
    }

    /// <summary>A date a correct client would send: a few days after the unit's due day.</summary>
    private string Soon() => target.Due.AddDays(random.Next(1, 10)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private (HttpContent, string) PlanOrDirectory(ApiRoute route)
    {
        string samples = Path.Combine(AppContext.BaseDirectory, "samples");
        string original = System.IO.File.ReadAllText(Path.Combine(samples, route.Template.Contains("directory", StringComparison.Ordinal) ? "directory.json" : "jingdezhen.txt"));
        string text = random.Next(5) switch
        {
            0 => Pick(Hostile),
            1 => string.Join('\n', original.Split('\n').Where(_ => random.Next(10) > 0)),
            2 => original.Insert(random.Next(original.Length), Pick(Hostile)),
            3 => original[..random.Next(original.Length)],
            _ => string.Concat(Enumerable.Range(0, random.Next(1, 400)).Select(_ => (char)random.Next(0, 0xD7FF))),
        };
        if (random.Next(40) == 0)
        {
            return (new ByteArrayContent([0xFF, 0xFE, 0xC3, 0x28, 0xB0, 0xA1]) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "(invalid UTF-8)");
        }

        return Text(text, route.Template.Contains("directory", StringComparison.Ordinal) || random.Next(3) == 0 ? "application/json" : "text/plain");
    }

    private (HttpContent, string) File()
    {
        int size = plausible ? random.Next(1, 100_000) : random.Next(60) == 0 ? 10 * 1024 * 1024 + 1 : Pick([0, 1, 9, 4096, 100_000, 1_000_000]);
        byte[] bytes = new byte[size];
        random.NextBytes(bytes);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(Pick(["application/octet-stream", "application/pdf", "text/html", "image/svg+xml"]));
        return (content, $"({size} bytes)");
    }

    private (HttpContent, string) Form(bool multipart)
    {
        var fields = new List<(string, string)>();
        string action = plausible || random.Next(10) < 8 ? Pick(Actions) : Pick(Hostile);
        fields.Add(("action", action));
        int[] tasks = target.Units.GetValueOrDefault(unit) ?? [1];
        fields.Add(("task", (plausible || random.Next(10) < 7) && tasks.Length > 0 ? tasks[random.Next(tasks.Length)].ToString(System.Globalization.CultureInfo.InvariantCulture) : Pick(["0", "100", "abc", "-1", Pick(Hostile)])));
        foreach (string name in new[] { "narrative", "difficulties", "nextSteps", "reason" })
        {
            if (random.Next(3) > 0)
            {
                fields.Add((name, plausible || random.Next(2) == 0 ? Pick(Texts) : Pick(Hostile)));
            }
        }

        fields.Add(("status", plausible || random.Next(10) < 7 ? Pick(Statuses) : Pick(Hostile)));
        for (int i = 0; i < (plausible ? 0 : random.Next(3)); i++)
        {
            fields.Add(($"indname.{i}", Pick(Hostile)));
            fields.Add(($"ind.{i}", Pick(["12000", "1.6万", "１６０００", "16,000", "-5", "1e30", Pick(Hostile)])));
        }

        if (!plausible && random.Next(3) == 0)
        {
            fields.Add(("rev", Pick(["\"r0\"", "\"r1\"", "\"r2\"", "r1", Pick(Hostile)])));
        }

        if (random.Next(3) == 0)
        {
            fields.Add(("key", random.Next(2) == 0 ? Guid.NewGuid().ToString("N") : Pick(Hostile)));
        }

        fields.Add(("due", plausible ? Soon() : Pick(Dates)));
        if (action == "detach")
        {
            fields.Add(("file", attachmentIds.Count > 0 && random.Next(2) == 0 ? attachmentIds[random.Next(attachmentIds.Count)] : Pick(Hostile)));
        }

        string shown = string.Join('&', fields.Select(f => f.Item1 + "=" + Short(f.Item2, 40)));
        if (!multipart)
        {
            return (new StringContent(string.Join('&', fields.Select(f => Escape(f.Item1) + "=" + Escape(f.Item2))), Encoding.UTF8, "application/x-www-form-urlencoded"), shown);
        }

        var form = new MultipartFormDataContent { HeaderEncodingSelector = (_, _) => Encoding.UTF8 };
        foreach ((string name, string value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        if (action == "attach" || random.Next(5) == 0)
        {
            (HttpContent file, string size) = File();
            string fileName = plausible ? Pick(FileNames[..4]) : Pick(FileNames);

            // Written as a browser writes it (UTF-8, quotes unescaped); only a line break cannot go in a header.
            file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename=\"{fileName.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal)}\"");
            form.Add(file);
            shown += $"&file={Short(fileName, 40)} {size}";
        }

        return (form, shown);
    }

    private void Headers(ApiRoute route, List<(string Name, string Value)> headers)
    {
        if (plausible)
        {
            if (route.Method != "GET" && random.Next(3) == 0)
            {
                headers.Add(("Idempotency-Key", Guid.NewGuid().ToString("N")));
            }

            return;
        }

        if (random.Next(3) == 0)
        {
            headers.Add(("If-Match", Pick(["\"r0\"", "\"r1\"", "\"r2\"", "\"r3\"", "W/\"x\"", "*", "garbage", "\"" + new string('r', 3000) + "\""])));
        }

        if (route.Method != "GET" && random.Next(3) == 0)
        {
            headers.Add(("Idempotency-Key", Pick([Guid.NewGuid().ToString("N"), "fixed-key", new string('k', 300), "键", " "])));
        }

        switch (random.Next(30))
        {
            case 0:
                headers.Add(("Origin", "https://evil.example"));
                break;
            case 1:
                headers.Add(("Sec-Fetch-Site", Pick(["cross-site", "same-site"])));
                break;
            case 2:
                headers.Add(("Origin", "null"));
                break;
            case 3:
                headers.Add(("Sec-Fetch-Site", "same-origin"));
                headers.Add(("Origin", target.BaseAddress.GetLeftPart(UriPartial.Authority)));
                break;
        }

        if (random.Next(20) == 0)
        {
            headers.Add((Pick(["Accept", "Accept-Language", "X-Forwarded-For", "X-Forwarded-Host", "Range", "Content-Encoding"]), Pick(["*/*", "zh-CN", "1.2.3.4", "evil.example", "bytes=0-1", "gzip", "\u00ff\u00fe"])));
        }
    }

    private static (HttpContent, string) Text(string text, string type = "text/plain") =>
        (new StringContent(text, Encoding.UTF8, type), text);

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    private static string Escape(string value)
    {
        try
        {
            return Uri.EscapeDataString(value);
        }
        catch (UriFormatException)
        {
            return "%ED%A0%80"; // an unpaired surrogate, as a client would encode it
        }
    }

    private static string Short(string text, int length) => text.Length <= length ? text : text[..length] + $"…({text.Length})";
}
