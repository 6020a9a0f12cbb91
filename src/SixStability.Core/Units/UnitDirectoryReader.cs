using System.Text.Json;

namespace SixStability.Core.Units;

/// <summary>Reads a directory document (samples/directory.json) and validates it.</summary>
public static class UnitDirectoryReader
{
    public static (UnitDirectory? Directory, IReadOnlyList<FieldError> Errors) Parse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return (null, [new FieldError("$", "单位名录为空。")]);
        }

        UnitDirectory? directory;
        try
        {
            directory = JsonSerializer.Deserialize<UnitDirectory>(json, Json.Options);
        }
        catch (JsonException ex)
        {
            // System.Text.Json's own message is English; the path says where, this says what.
            return (null, [new FieldError(string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path, "单位名录不是有效的 JSON，或此处格式、类型不对、缺少必填字段。")]);
        }

        if (directory is null)
        {
            return (null, [new FieldError("$", "单位名录为空。")]);
        }

        IReadOnlyList<FieldError> errors = DirectoryValidator.Validate(directory);
        return errors.Count == 0 ? (directory, errors) : (null, errors);
    }
}
