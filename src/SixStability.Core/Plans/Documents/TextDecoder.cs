namespace SixStability.Core.Plans.Documents;

/// <summary>
/// Decodes a plan saved as text. Windows tools save Chinese text as GB18030/GBK as often as UTF-8, and
/// the file rarely says which; so a strict UTF-8 decode is tried first (Chinese GBK text is practically
/// never valid UTF-8), then a strict GB18030 decode. Nothing is ever decoded with replacement characters:
/// a text that is neither is refused rather than shown as mojibake.
/// </summary>
internal static class TextDecoder
{
    private const int Gb18030CodePage = 54936;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // The code-page provider is used directly rather than registered globally: a library should not change
    // what Encoding.GetEncoding answers for the whole process.
    private static readonly Encoding StrictGb18030 = CodePagesEncodingProvider.Instance.GetEncoding(
        Gb18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        ?? throw new InvalidOperationException("GB18030 is not available from the code-page provider.");

    /// <remarks>A declared charset is not trusted: what the bytes decode as strictly is what they are.</remarks>
    public static PlanResult<PlanDocument> Decode(ReadOnlySpan<byte> content)
    {
        string? text = DecodeText(content);
        if (text is null)
        {
            return PlanResult.Refuse<PlanDocument>(PlanRefusalReason.UnreadableText,
                "无法识别文件的文字编码（既不是 UTF-8，也不是 GB18030/GBK）。请用记事本或 WPS 打开，另存为 UTF-8 编码的文本或 Word 文档（.docx）后再上传。");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return PlanResult.Refuse<PlanDocument>(PlanRefusalReason.UnreadableText, "文件含有二进制内容，不是纯文本。请上传方案的 Word 文档（.docx）或纯文本（.txt）。");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return PlanResult.Refuse<PlanDocument>(PlanRefusalReason.Empty, "文件中没有文字内容。");
        }

        return PlanResult.Ok(PlanDocument.FromText(text));
    }

    /// <summary>The text, or null when the bytes are neither strict UTF-8 nor strict GB18030.</summary>
    internal static string? DecodeText(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return TryDecode(StrictUtf8, content[3..]);
        }

        // Notepad's "Unicode" is UTF-16 with a byte-order mark.
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return TryDecode(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), content[2..]);
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return TryDecode(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), content[2..]);
        }

        return TryDecode(StrictUtf8, content) ?? TryDecode(StrictGb18030, content);
    }

    private static string? TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
