namespace SixStability.Core.Rules;

/// <summary>What any text a person types must be: present when required, not too long, no invisible control characters.</summary>
public static class TextRules
{
    /// <summary>Adds to <paramref name="errors"/> what is wrong with <paramref name="text"/>; <paramref name="what"/> names it for people (工作进展).</summary>
    public static void Check(string? text, string field, string what, int max, bool required, ICollection<FieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(new(field, $"请填写{what}。"));
            }

            return;
        }

        if (text.Length > max)
        {
            errors.Add(new(field, $"{what}不超过 {max} 字（现有 {text.Length} 字）。"));
        }

        if (text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
        {
            errors.Add(new(field, $"{what}含有不可见的控制字符。"));
        }
    }
}
