using SixStability.Core.Plans.Documents;
using SixStability.Core.Plans.Forms;
using SixStability.Core.Plans.Review;

namespace SixStability.Core.Plans;

/// <summary>
/// Imports a plan's text straight into a catalog, for callers that take no review (scripts, tests, the
/// current PUT of plain text). It reads every form the draft does (<see cref="PlanDraft"/>); items that
/// name no unit are left out of the catalog and named in the warnings.
/// </summary>
public static class PlanImporter
{
    /// <summary>A plan's text is a few dozen KB; anything far larger is not a plan.</summary>
    public const int MaxLength = 1_000_000;

    /// <summary>Imports plain text; throws <see cref="PlanFormatException"/> (zh-CN message) when it is not a plan.</summary>
    public static PlanImportResult Import(string planId, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        PlanIds.Validate(planId);
        PlanResult<PlanDocument> document = ReadText(text);
        if (document.IsRefused)
        {
            throw new PlanFormatException(document.Refusal.Message);
        }

        return Import(planId, document.Value);
    }

    /// <summary>Imports a document already read (text or .docx); throws <see cref="PlanFormatException"/> when it holds no task.</summary>
    public static PlanImportResult Import(string planId, PlanDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        PlanIds.Validate(planId);
        ParsedPlan parsed = PlanParser.Parse(document);
        if (!parsed.Items.Any(i => i.IsTask))
        {
            throw new PlanFormatException(NoTasksMessage(parsed));
        }

        var warnings = parsed.Warnings.ToList();
        warnings.AddRange(parsed.Items.Where(i => !i.IsTask).Select(i =>
            new PlanWarning(i.Location.Line, $"{(i.Location.Table is null ? i.Label : string.Empty)}{Excerpt(i.Title)}：未写责任单位，未列为任务。", i.Location.Table, i.Location.Row)));
        PlanCatalog catalog = DraftCatalog.Build(planId, parsed.Title, parsed.Issued, parsed.Sections, parsed.Items);
        return new PlanImportResult(catalog, [.. warnings.OrderBy(w => w.Table ?? 0).ThenBy(w => w.Line).ThenBy(w => w.Row ?? 0)]);
    }

    /// <summary>The checks a plain-text body gets before it is read: empty, too long, binary.</summary>
    internal static PlanResult<PlanDocument> ReadText(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return PlanResult.Refuse<PlanDocument>(PlanRefusalReason.Empty, "方案文本为空。");
        }

        if (text.Length > MaxLength)
        {
            return PlanResult.Refuse<PlanDocument>(PlanRefusalReason.TooLarge, $"方案文本过长（{text.Length} 字符，上限 {MaxLength}）。");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return PlanResult.Refuse<PlanDocument>(PlanRefusalReason.UnreadableText, "方案文本含有二进制内容，请提供纯文本（UTF-8 或 GB18030）或 Word 文档（.docx）。");
        }

        return PlanResult.Ok(PlanDocument.FromText(text.Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    internal static string NoTasksMessage(ParsedPlan parsed)
    {
        string message = "未识别到任何任务：方案应包含写明责任单位的编号任务，如“（一）……（责任单位：……）”、“1. ……（牵头单位：……；配合单位：……）”，或带“牵头单位”“责任单位”列的任务分工表。";
        int items = parsed.Items.Count;
        return items == 0 ? message : $"{message}另有 {items} 项编号内容未写责任单位，未列为任务。";
    }

    internal static string Excerpt(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");
}
