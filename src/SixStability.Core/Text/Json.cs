using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace SixStability.Core.Text;

/// <summary>
/// The JSON people and other tools read: camelCase, enums as camelCase strings, dates ISO 8601, and
/// Chinese left readable (the default encoder would write 保居民就业 as \uXXXX escapes).
/// </summary>
public static class Json
{
    public static readonly JsonSerializerOptions Options = Create(indented: false);

    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            WriteIndented = indented,
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,

            // A script may write a plan correction's "action" after its other fields.
            AllowOutOfOrderMetadataProperties = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new QuarterJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
