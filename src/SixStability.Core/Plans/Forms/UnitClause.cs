namespace SixStability.Core.Plans.Forms;

/// <summary>
/// Reads who is responsible from the ways Chinese plans write it:
/// （责任单位：A、B） — the first named leads;
/// （牵头单位：A；配合单位：B、C） or （牵头单位：A，责任单位：B） — leads and partners named;
/// （A、B负责）, （A、B等有关部门按职责分工负责）, （A牵头，B、C参与）, 部门分工：A牵头，各地配合 — no label.
/// A sentence after the list (列第一位者为牵头单位，下同 / 具体任务均涉及…，下同) is kept as a note or a rule.
/// </summary>
internal static partial class UnitClause
{
    /// <summary>Reads a clause with a label (责任单位：, 牵头单位： …) or, when <paramref name="bare"/>, one without.</summary>
    public static UnitAssignment? Parse(string clause, bool bare, out bool statesLeadRule)
    {
        statesLeadRule = LeadRule().IsMatch(clause);
        (string head, string? note) = SplitNote(clause);
        if (statesLeadRule && note is not null && LeadRule().IsMatch(note))
        {
            note = null;
        }

        MatchCollection labels = Label().Matches(head);
        if (labels.Count > 0)
        {
            return Labelled(head, labels, note);
        }

        return bare ? Bare(head, note) : null;
    }

    /// <summary>Whether the clause is only the lead rule (（列第一位者为牵头单位，下同）).</summary>
    public static bool IsLeadRuleOnly(string clause) => LeadRule().IsMatch(clause) && Label().Count(clause) == 0 && !clause.Contains('、', StringComparison.Ordinal);

    private static UnitAssignment? Labelled(string head, MatchCollection labels, string? note)
    {
        bool hasLead = labels.Any(l => IsLead(l.Groups["label"].Value));
        var leads = new List<string>();
        var partners = new List<string>();
        bool others = false;
        for (int i = 0; i < labels.Count; i++)
        {
            Match label = labels[i];
            int start = label.Index + label.Length;
            int end = i + 1 < labels.Count ? labels[i + 1].Index : head.Length;
            string list = head[start..end].Trim().Trim('；', ';', '，', ',', '、', ' ').Trim();
            string kind = label.Groups["label"].Value;
            if (kind == "部门分工")
            {
                UnitAssignment? bare = Bare(list, null);
                if (bare is not null)
                {
                    leads.AddRange(bare.Units.Take(bare.LeadCount));
                    partners.AddRange(bare.Units.Skip(bare.LeadCount));
                    others |= bare.Others;
                }

                continue;
            }

            IReadOnlyList<string> names = CutAtNote(UnitNames.Split(list, out bool more), ref note);
            others |= more;
            if (IsLead(kind) || (!hasLead && IsResponsible(kind) && leads.Count == 0 && partners.Count == 0))
            {
                // 责任单位 with no 牵头单位 beside it: the first named leads, the rest are partners.
                leads.AddRange(IsLead(kind) ? names : names.Take(1));
                partners.AddRange(IsLead(kind) ? [] : names.Skip(1));
            }
            else
            {
                partners.AddRange(names);
            }
        }

        return leads.Count + partners.Count == 0 ? null : UnitAssignment.From(leads.Distinct(StringComparer.Ordinal).ToList(), partners, others, note);
    }

    private static UnitAssignment? Bare(string head, string? note)
    {
        string text = head.Trim().TrimEnd('。', '；', ';');
        Match m = LeadAndPartners().Match(text);
        IReadOnlyList<string> leads;
        IReadOnlyList<string> partners;
        bool others;
        if (m.Success)
        {
            leads = UnitNames.Split(m.Groups["lead"].Value, out bool moreLeads);
            bool morePartners = false;
            partners = m.Groups["rest"].Success ? UnitNames.Split(m.Groups["rest"].Value, out morePartners) : [];
            others = moreLeads || morePartners;
        }
        else if ((m = Responsible().Match(text)).Success)
        {
            IReadOnlyList<string> all = UnitNames.Split(m.Groups["all"].Value, out others);
            leads = all.Take(1).ToList();
            partners = all.Skip(1).ToList();
        }
        else
        {
            return null;
        }

        // A list with no label is trusted only when it reads as units (（含）, （2019-2021年） are not).
        if (leads.Count == 0 || !UnitNames.LooksLikeUnit(leads[0]))
        {
            return null;
        }

        return UnitAssignment.From(leads, partners, others, note);
    }

    /// <summary>Splits 责任单位：A、B。具体任务…，下同 into the list and the sentence after it.</summary>
    private static (string Head, string? Note) SplitNote(string clause)
    {
        int depth = 0;
        for (int i = 0; i < clause.Length; i++)
        {
            char c = clause[i];
            depth += c is '(' or '（' or '〔' ? 1 : c is ')' or '）' or '〕' ? -1 : 0;
            if (depth == 0 && c == '。')
            {
                string note = clause[(i + 1)..].Trim().TrimEnd('。').Trim();
                return (clause[..i], note.Length > 0 ? note : null);
            }
        }

        return (clause, null);
    }

    /// <summary>
    /// A list that runs into a sentence (责任单位：市政府有关部门，各县市区，以下均需各县市区落实，不再逐一列出):
    /// the names stop where the sentence starts, and the sentence becomes the note.
    /// </summary>
    private static IReadOnlyList<string> CutAtNote(IReadOnlyList<string> names, ref string? note)
    {
        int cut = names.ToList().FindIndex(n => NoteWords().IsMatch(n));
        if (cut < 0)
        {
            return names;
        }

        string sentence = string.Join("，", names.Skip(cut));
        note = note is null ? sentence : sentence + "。" + note;
        return names.Take(cut).ToList();
    }

    private static bool IsLead(string label) => label.StartsWith("牵头", StringComparison.Ordinal) || label == "主要责任单位";

    private static bool IsResponsible(string label) => label is "责任单位" or "责任部门";

    [GeneratedRegex("以下|下同|不再|均需|均由|均要|均涉及|具体任务|分别落实")]
    private static partial Regex NoteWords();

    [GeneratedRegex(@"(?<label>牵头责任单位|协同责任单位|主要责任单位|牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协同单位|协同部门|协办单位|参与单位|部门分工)\s*[:：]")]
    private static partial Regex Label();

    // A、B牵头(负责)，C、D(按职责分工)参与/配合/负责 — or A牵头 alone.
    [GeneratedRegex(@"^(?<lead>[^，,；;]+?)牵头(?:负责|抓总)?(?:\s*[，,；;]\s*(?<rest>.+?))?$")]
    private static partial Regex LeadAndPartners();

    // A、B负责 / A、B等有关部门按职责分工负责 / A、B分别负责.
    [GeneratedRegex(@"^(?<all>.+?)(?:按照?职责分工|按职责|分别|共同)?(?:负责落实|负责)$")]
    private static partial Regex Responsible();

    // 列第一位者为牵头单位 / 列第一位的为牵头或汇总单位 / 排在第一位的为牵头单位.
    [GeneratedRegex(@"(?:列|排在?)(?:在)?第一位(?:者|的)?(?:责任)?(?:单位|部门)?(?:为|是)(?:牵头)")]
    private static partial Regex LeadRule();
}
