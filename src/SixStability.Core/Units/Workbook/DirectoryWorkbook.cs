namespace SixStability.Core.Units.Workbook;

/// <summary>
/// The unit directory as an .xlsx workbook, so the 市发改委 keeps it in Excel or WPS as it always has: download the
/// current one, edit, upload. It carries everything the JSON does, so download → upload gives the same directory.
/// </summary>
public static class DirectoryWorkbook
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(UnitDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return DirectoryWorkbookWriter.Write(directory);
    }

    /// <summary>The directory the workbook holds, validated like the JSON; or the problems, each naming its sheet and cell.</summary>
    public static (UnitDirectory? Directory, IReadOnlyList<FieldError> Errors) Read(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return content.Length == 0 ? (null, [new FieldError("file", "上传的文件为空。")]) : DirectoryWorkbookReader.Read(content);
    }
}
