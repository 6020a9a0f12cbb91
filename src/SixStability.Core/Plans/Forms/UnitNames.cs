namespace SixStability.Core.Plans.Forms;

/// <summary>Splits a list of unit names and trims what is not part of a name (负责, 等有关部门 …).</summary>
internal static partial class UnitNames
{
    /// <summary>
    /// Splits on 、 , ， ; ； and line breaks outside brackets, so 各县〔市、区〕政府 stays whole; then on 及 / 和
    /// where both sides read as unit names (市级各有关部门及各县市区政府). Each name once, in order.
    /// </summary>
    public static IReadOnlyList<string> Split(string list, out bool others)
    {
        others = false;
        var names = new List<string>();
        foreach (string part in SplitOutsideBrackets(list))
        {
            foreach (string piece in SplitConjunction(part))
            {
                string name = Clean(piece, ref others);
                if (name.Length > 0 && !names.Contains(name, StringComparer.Ordinal))
                {
                    names.Add(name);
                }
            }
        }

        return SharedSuffix(names);
    }

    /// <summary>Whether a name reads like a unit (ends like 局, 委, 办, 政府, 管委会 …), for lists with no label.</summary>
    public static bool LooksLikeUnit(string name) =>
        name.Length is >= 2 and <= 40 && (UnitEnding().IsMatch(name) || name.StartsWith('各'));

    /// <summary>
    /// 荔湾区、黄埔区政府 names two governments: a bare place name (区, 县, 市 in at most four characters)
    /// takes the 政府 / 人民政府 of the government named right after it.
    /// </summary>
    private static List<string> SharedSuffix(List<string> names)
    {
        for (int i = names.Count - 1; i > 0; i--)
        {
            Match government = Government().Match(names[i]);
            if (!government.Success)
            {
                continue;
            }

            for (int j = i - 1; j >= 0 && Place().IsMatch(names[j]); j--)
            {
                names[j] += government.Groups["suffix"].Value;
            }
        }

        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> SplitOutsideBrackets(string list)
    {
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= list.Length; i++)
        {
            char c = i < list.Length ? list[i] : '、';
            if (c is '(' or '（' or '〔' or '[' or '【')
            {
                depth++;
            }
            else if (c is ')' or '）' or '〕' or ']' or '】')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if ((depth == 0 && c is '、' or ',' or '，' or ';' or '；' or '\n') || i == list.Length)
            {
                yield return list[start..i];
                start = i + 1;
            }
        }
    }

    private static IEnumerable<string> SplitConjunction(string part)
    {
        Match m = Conjunction().Match(part);
        if (m.Success && LooksLikeUnit(Strip(m.Groups["a"].Value)) && LooksLikeUnit(Strip(m.Groups["b"].Value)))
        {
            return [m.Groups["a"].Value, m.Groups["b"].Value];
        }

        return [part];
    }

    private static string Clean(string name, ref bool others)
    {
        string n = name.Trim().Trim('\u3000', '。', '：', ':').Trim();
        n = Duty().Replace(n, string.Empty);
        Match m = Others().Match(n);
        if (m.Success)
        {
            others = true;
            n = n[..m.Index];
        }

        return n.Trim();
    }

    private static string Strip(string name)
    {
        bool ignored = false;
        return Clean(name, ref ignored);
    }

    // The duty words that close a list: 按职责分工负责, 牵头负责, 负责, 配合, 参与 ….
    [GeneratedRegex("(?:(?:按照?职责分工|按职责|分别|共同|具体|牵头)?(?:负责落实|负责|配合|参与|落实|承办|协同)|牵头)$")]
    private static partial Regex Duty();

    // …等有关部门 / 等部门 / 等单位 / 等省有关部门: the named units and others not named.
    [GeneratedRegex("等(?:[省市区县]?(?:有关|相关|其他|各)?(?:部门|单位|机构)(?:和单位)?)?$")]
    private static partial Regex Others();

    [GeneratedRegex("^[^各市省]{1,3}[区县市]$")]
    private static partial Regex Place();

    [GeneratedRegex("^[^各]{1,3}[区县市](?<suffix>(?:人民)?政府)$")]
    private static partial Regex Government();

    [GeneratedRegex("^(?<a>.+?)(?:及|和|以及)(?<b>.+)$")]
    private static partial Regex Conjunction();

    [GeneratedRegex("(?:局|委|办|厅|部|院|会|署|行|处|室|中心|政府|管委会|公司|集团|海关|部门|单位|队|站|所|社|联|团|组|专班|机构|园区|新区|开发区|示范区|街道|镇|乡|区|县|市|州|旗|盟|院校|学校|支行|分行|分局|总局|办公室|指挥部|领导小组)$")]
    private static partial Regex UnitEnding();
}
