namespace SixStability.Core.Submissions;

/// <summary>
/// What a unit may attach: the office formats a county office actually sends (Word, WPS, Excel, PDF,
/// OFD, scanned images), at most <see cref="MaxBytes"/> each and <see cref="MaxPerTask"/> per task.
/// </summary>
public static class AttachmentRules
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerTask = 5;
    public const int MaxNameLength = 120;

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".ofd"] = "application/ofd",
        [".doc"] = "application/msword",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".wps"] = "application/vnd.ms-works",
        [".xls"] = "application/vnd.ms-excel",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".et"] = "application/vnd.ms-excel",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
    };

    public const string HiddenCharacters = "文件名含控制字符或不可见的格式字符（如从右向左标记），可能伪装文件类型，请重命名后再上传。";

    public static string Allowed => string.Join("、", Types.Keys);

    /// <summary>Why the file is refused, in Chinese, or null when it may be stored; the content type is decided here, never taken from the browser.</summary>
    public static (string? Error, string ContentType, string Name) Check(string? fileName, long size, int alreadyAttached)
    {
        string name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        if (HasHiddenCharacters(name))
        {
            return (HiddenCharacters, string.Empty, string.Empty);
        }

        // One spelling per name: a name typed on a Mac (NFD) and the same name typed on Windows (NFC) are one name.
        name = name.Normalize(NormalizationForm.FormC).Trim();
        if (name.Length == 0 || name.Length > MaxNameLength)
        {
            return ($"文件名无效（不超过 {MaxNameLength} 字，不含控制字符）。", string.Empty, name);
        }

        if (!Types.TryGetValue(Path.GetExtension(name), out string? type))
        {
            return ($"不支持该文件类型，可上传：{Allowed}。", string.Empty, name);
        }

        if (size <= 0)
        {
            return ("文件为空。", type, name);
        }

        if (size > MaxBytes)
        {
            return ($"文件超过 {MaxBytes / 1024 / 1024} MB。", type, name);
        }

        return alreadyAttached >= MaxPerTask
            ? ($"每项任务最多 {MaxPerTask} 个附件，请先删除不需要的附件。", type, name)
            : (null, type, name);
    }

    /// <summary>
    /// Characters a reader cannot see but a screen obeys: control characters, format characters (Unicode
    /// category Cf: U+202E shows "x\u202Elmth.pdf" as "xfdp.html"), line and paragraph separators, and
    /// half a surrogate pair (not a character at all, and NFC would throw on it).
    /// </summary>
    private static bool HasHiddenCharacters(string name)
    {
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
                continue;
            }

            if (char.GetUnicodeCategory(name[i]) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return true;
            }
        }

        // Format characters outside the BMP (U+E0001 language tag, U+E0020… tag characters).
        return name.EnumerateRunes().Any(r => Rune.GetUnicodeCategory(r) == UnicodeCategory.Format);
    }
}
