namespace SixStability.Core.Reports.Layout;

/// <summary>
/// The report as a 公文 (GB/T 9704): 文号, title, 主送机关, body, 特此报告, 附件说明, 落款 and 成文日期, then
/// the attached tables each on its own pages. The HTML and the .docx both render this one model, so
/// they hold the same words, numbers, tables, colours and charts in the same order.
/// </summary>
/// <param name="DocumentNumber">文号 (景发改字〔2020〕12号), when configured.</param>
/// <param name="Addressee">主送机关, without the colon (市人民政府).</param>
/// <param name="Closing">特此报告。</param>
/// <param name="AttachmentList">附件说明: the annexes' titles in order.</param>
/// <param name="Signature">落款: the coordinator's name.</param>
/// <param name="Date">成文日期: 2020年10月23日.</param>
public sealed record ReportDocument(
    string? DocumentNumber,
    string Title,
    string Addressee,
    IReadOnlyList<ReportBlock> Body,
    string Closing,
    IReadOnlyList<string> AttachmentList,
    string Signature,
    string Date,
    IReadOnlyList<ReportAnnex> Annexes,
    bool Preview)
{
    /// <summary>
    /// Where 落款 and 成文日期 end, in characters from the right margin (GB/T 9704 7.3.5.2): the signature two
    /// characters in, the date starting two characters right of the signature's start; a signature shorter
    /// than that is centred over a date set four characters in.
    /// </summary>
    public (double Signature, double Date) SignatureIndents
    {
        get
        {
            double signature = TableFit.Width(Signature);
            double date = TableFit.Width(Date);
            return signature - date >= 4
                ? (2, signature - date)
                : (Math.Max(0, 4 + ((date - signature) / 2)), 4);
        }
    }
}

/// <summary>附件N: a table (or chart) attached after the 落款, on its own pages.</summary>
public sealed record ReportAnnex(int Number, string Title, IReadOnlyList<ReportBlock> Blocks);
