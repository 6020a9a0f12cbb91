using Microsoft.DurableTask.Converters;

namespace SixStability.DevHost.Durable;

/// <summary>
/// DTFx's client serializes with Newtonsoft by default; the shimmed orchestrator reads with
/// System.Text.Json. This makes the client write what the orchestrator reads (the shim's own
/// adapter is internal).
/// </summary>
internal sealed class SystemTextJsonConverter : DurableTask.Core.Serializing.DataConverter
{
    public override string? Serialize(object? value) => JsonDataConverter.Default.Serialize(value);

    public override string? Serialize(object? value, bool formatted) => Serialize(value);

    public override object? Deserialize(string? data, Type objectType) => JsonDataConverter.Default.Deserialize(data, objectType);
}
