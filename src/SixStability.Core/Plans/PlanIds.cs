namespace SixStability.Core.Plans;

/// <summary>A plan id is part of cycle ids, table keys and URLs, so it is kept to lowercase ASCII.</summary>
public static partial class PlanIds
{
    public static bool IsValid(string? planId) => planId is not null && Pattern().IsMatch(planId);

    public static void Validate(string? planId)
    {
        if (!IsValid(planId))
        {
            throw new PlanFormatException($"方案编号“{planId}”无效：只能使用小写字母、数字和连字符，以字母或数字开头，最长 40 个字符。");
        }
    }

    /// <summary>Turns a file name into a plan id (jingdezhen.txt → jingdezhen).</summary>
    public static string FromFileName(string fileName)
    {
        string stem = Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant();
        string slug = NotAllowed().Replace(stem, "-").Trim('-');
        slug = slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
        return IsValid(slug) ? slug : "plan";
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex Pattern();

    [GeneratedRegex("[^a-z0-9-]+")]
    private static partial Regex NotAllowed();
}
