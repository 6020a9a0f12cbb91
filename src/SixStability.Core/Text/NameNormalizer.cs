namespace SixStability.Core.Text;

/// <summary>
/// Official documents write the same name with full-width, half-width or hexagonal brackets
/// (各县(市、区)政府, 各县（市、区）政府, 各县〔市、区〕政府); names are compared after folding them.
/// </summary>
public static class NameNormalizer
{
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            switch (c)
            {
                case '（' or '〔' or '[' or '【' or '［':
                    sb.Append('(');
                    break;
                case '）' or '〕' or ']' or '】' or '］':
                    sb.Append(')');
                    break;
                case '，':
                    sb.Append(',');
                    break;
                case '：':
                    sb.Append(':');
                    break;
                case '；':
                    sb.Append(';');
                    break;
                default:
                    if (!char.IsWhiteSpace(c) && !char.IsControl(c))
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }
}
