using System.Text.Json;

namespace SixStability.Core.Text;

/// <summary>Quarters travel as "2020Q3".</summary>
public sealed class QuarterJsonConverter : JsonConverter<Quarter>
{
    public override Quarter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Quarter.TryParse(reader.GetString(), out Quarter q) ? q : throw new JsonException("季度应写作“2020Q3”。");

    public override void Write(Utf8JsonWriter writer, Quarter value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
