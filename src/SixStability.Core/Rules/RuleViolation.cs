namespace SixStability.Core.Rules;

/// <summary>
/// Why a rule refused an input, worded for the person who sent it: one sentence, and the fields it
/// concerns. Every business refusal is one of these (never an exception), so a use case can answer
/// it as a 400 with the fields named, or show it beside the form.
/// </summary>
public sealed record RuleViolation(string Message, IReadOnlyList<FieldError> Errors)
{
    public static RuleViolation Field(string field, string message, string? summary = null) =>
        new(summary ?? message, [new FieldError(field, message)]);

    public static RuleViolation Of(string message, IEnumerable<FieldError> errors) => new(message, [.. errors]);
}
