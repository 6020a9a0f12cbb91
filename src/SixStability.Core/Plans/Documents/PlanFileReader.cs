using System.IO.Compression;

namespace SixStability.Core.Plans.Documents;

/// <summary>
/// Tells a plan file's type by its first bytes (a renamed file is still what it is), then by its name and
/// content type, and reads it or refuses it. What people hold besides .docx and text — .doc and .wps
/// (OLE compound files), PDF, OFD, spreadsheets, images — is refused with a message saying what to do.
/// </summary>
internal static class PlanFileReader
{
    private const string SaveAsDocx = "请用 Word 或 WPS 打开原文件，“另存为”Word 文档（.docx）后再上传。";

    public static PlanResult<PlanDocument> Read(ReadOnlySpan<byte> content, string? fileName, string? contentType)
    {
        string extension = Extension(fileName);
        if (content.IsEmpty)
        {
            return PlanResult.Refuse<PlanDocument>(PlanRefusalReason.Empty, "文件为空。");
        }

        if (content.Length > PlanDocument.MaxBytes)
        {
            return PlanResult.Refuse<PlanDocument>(PlanRefusalReason.TooLarge, $"文件过大（{content.Length / 1024.0 / 1024.0:0.0} MB），方案文件不超过 {PlanDocument.MaxBytes / 1024 / 1024} MB。");
        }

        switch (Sniff(content))
        {
            case Magic.Pdf:
                return Unsupported($"这是 PDF 文件，无法从中可靠地读出方案的段落和表格。{SaveAsDocx}");
            case Magic.OleCompound:
                return Unsupported(extension switch
                {
                    ".wps" or ".wpt" => $"这是 WPS 文字文档（.wps），无法直接读取。{SaveAsDocx}",
                    ".xls" or ".et" or ".ett" => "这是旧版表格文件（.xls/.et），无法读取。请把任务分工表复制到 Word 文档中，另存为 .docx 后再上传。",
                    ".doc" or ".dot" => $"这是旧版 Word 文档（.doc），无法直接读取。{SaveAsDocx}",
                    _ => $"这是旧版 Word（.doc）或 WPS（.wps）格式的文件，无法直接读取。{SaveAsDocx}",
                });
            case Magic.Rtf:
                return Unsupported($"这是 RTF 文件，无法直接读取。{SaveAsDocx}");
            case Magic.Image:
                return Unsupported("这是图片，无法读取其中的文字。请上传方案的 Word 文档（.docx）或纯文本（.txt）。");
            case Magic.Zip:
                return ReadZip(content.ToArray(), extension);
            default:
                if (extension is ".doc" or ".docx" or ".wps" or ".pdf" or ".ofd" or ".xls" or ".xlsx" or ".et" || IsBinaryType(contentType))
                {
                    // Named like a binary format but not one: most likely a truncated or damaged file.
                    return PlanResult.Refuse<PlanDocument>(PlanRefusalReason.DamagedFile, $"文件{(extension.Length > 0 ? $"扩展名为 {extension}" : $"类型为 {contentType}")}，但内容不是该格式，可能已损坏。{SaveAsDocx}");
                }

                return TextDecoder.Decode(content);
        }
    }

    private static PlanResult<PlanDocument> ReadZip(byte[] content, string extension)
    {
        // .docx, .xlsx and OFD are all zip packages; look inside before handing it to OpenXml.
        ZipKind kind;
        try
        {
            kind = ZipContents(content);
        }
        catch (InvalidDataException)
        {
            return PlanResult.Refuse<PlanDocument>(PlanRefusalReason.DamagedFile, $"无法打开文件：压缩包已损坏。{SaveAsDocx}");
        }

        return kind switch
        {
            ZipKind.Word => DocxReader.Read(content),
            ZipKind.Spreadsheet => Unsupported("这是表格文件（.xlsx），无法读取。请把任务分工表复制到 Word 文档中，另存为 .docx 后再上传。"),
            ZipKind.Ofd => Unsupported("这是 OFD 版式文件，无法从中可靠地读出方案的段落和表格。请提供原始 Word 文档（.docx）。"),
            ZipKind.Presentation => Unsupported("这是演示文稿（.pptx），不是方案文档。请上传方案的 Word 文档（.docx）。"),
            _ => Unsupported(extension == ".docx"
                ? $"文件不是有效的 Word 文档（.docx）。{SaveAsDocx}"
                : "这是一个压缩包，不是方案文档。请上传方案的 Word 文档（.docx）或纯文本（.txt）。"),
        };
    }

    private static ZipKind ZipContents(byte[] content)
    {
        using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        return names.Any(n => n.StartsWith("word/", StringComparison.OrdinalIgnoreCase)) ? ZipKind.Word
            : names.Any(n => n.StartsWith("xl/", StringComparison.OrdinalIgnoreCase)) ? ZipKind.Spreadsheet
            : names.Any(n => n.StartsWith("ppt/", StringComparison.OrdinalIgnoreCase)) ? ZipKind.Presentation
            : names.Any(n => n.Equals("OFD.xml", StringComparison.OrdinalIgnoreCase)) ? ZipKind.Ofd
            : ZipKind.Other;
    }

    private static Magic Sniff(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith("%PDF"u8))
        {
            return Magic.Pdf;
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return Magic.OleCompound;
        }

        if (b.StartsWith("PK\u0003\u0004"u8))
        {
            return Magic.Zip;
        }

        if (b.StartsWith("{\\rtf"u8))
        {
            return Magic.Rtf;
        }

        bool image = b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) // PNG
            || b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) // JPEG
            || b.StartsWith("GIF8"u8)
            || b.StartsWith("BM"u8) && b.Length > 14 && b[6] == 0 && b[7] == 0 // BMP: reserved bytes are zero
            || b.StartsWith("II*\0"u8) || b.StartsWith("MM\0*"u8); // TIFF, what scanners save
        return image ? Magic.Image : Magic.None;
    }

    /// <summary>A content type that promises a binary document (the bytes then must be one).</summary>
    private static bool IsBinaryType(string? contentType) =>
        contentType is not null
        && (contentType.Contains("pdf", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("msword", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("officedocument", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("wps", StringComparison.OrdinalIgnoreCase));

    private static string Extension(string? fileName) =>
        string.IsNullOrWhiteSpace(fileName) ? string.Empty : Path.GetExtension(fileName.Trim()).ToLowerInvariant();

    private static PlanResult<PlanDocument> Unsupported(string message) => PlanResult.Refuse<PlanDocument>(PlanRefusalReason.UnsupportedFileType, message);

    private enum Magic
    {
        None,
        Pdf,
        OleCompound,
        Zip,
        Rtf,
        Image,
    }

    private enum ZipKind
    {
        Other,
        Word,
        Spreadsheet,
        Presentation,
        Ofd,
    }
}
