using System.Text.Json;

namespace SixStability.Core.Plans;

/// <summary>
/// Writes <c>{ name, target, unit, kind, direction }</c> and reads catalogs of every age: one stored before
/// kinds existed has only <c>direction</c>, and its kind is taken from it (atMost) or from the wording.
/// <c>direction</c> is still written so an older release reading a newer catalog keeps its ceilings.
/// </summary>
internal sealed class IndicatorJsonConverter : JsonConverter<Indicator>
{
    public override Indicator Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("指标应为对象。");
        }

        string? name = null;
        string? unit = null;
        decimal? target = null;
        IndicatorKind? kind = null;
        IndicatorDirection? direction = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string property = reader.GetString() ?? string.Empty;
            reader.Read();
            switch (property.ToUpperInvariant())
            {
                case "NAME":
                    name = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("name 应为字符串。");
                    break;
                case "UNIT":
                    unit = reader.TokenType == JsonTokenType.String ? reader.GetString() : throw new JsonException("unit 应为字符串。");
                    break;
                case "TARGET":
                    target = ReadDecimal(ref reader);
                    break;
                case "KIND":
                    kind = reader.TokenType == JsonTokenType.Null ? null : ReadEnum<IndicatorKind>(ref reader);
                    break;
                case "DIRECTION":
                    direction = reader.TokenType == JsonTokenType.Null ? null : ReadEnum<IndicatorDirection>(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (name is null || unit is null || target is null)
        {
            throw new JsonException("指标缺少 name、target 或 unit。");
        }

        return new Indicator(name, target.Value, unit, kind ?? IndicatorKinds.FromDirection(direction ?? IndicatorDirection.AtLeast, name, unit));
    }

    public override void Write(Utf8JsonWriter writer, Indicator value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString(Name(options, "Name"), value.Name);
        writer.WriteNumber(Name(options, "Target"), value.Target);
        writer.WriteString(Name(options, "Unit"), value.Unit);
        writer.WriteString(Name(options, "Kind"), Camel(value.Kind.ToString()));
        writer.WriteString(Name(options, "Direction"), Camel(value.Direction.ToString()));
        writer.WriteEndObject();
    }

    private static decimal ReadDecimal(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.GetDecimal(),
        JsonTokenType.String when decimal.TryParse(reader.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out decimal d) => d,
        _ => throw new JsonException("target 应为数字。"),
    };

    private static T ReadEnum<T>(ref Utf8JsonReader reader)
        where T : struct, Enum =>
        reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } text && char.IsLetter(text[0])
        && Enum.TryParse(text, ignoreCase: true, out T value) && Enum.IsDefined(value)
            ? value
            : throw new JsonException($"{typeof(T).Name} 的取值无效。");

    private static string Name(JsonSerializerOptions options, string name) => options.PropertyNamingPolicy?.ConvertName(name) ?? name;

    private static string Camel(string name) => string.Concat(name[..1].ToLowerInvariant(), name.AsSpan(1));
}
