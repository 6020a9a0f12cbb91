namespace SixStability.Core.Rules;

/// <summary>What became of a request: done (with its value) or why not.</summary>
public enum OutcomeKind
{
    Ok,

    /// <summary>The thing asked about does not exist (a cycle, an obligation, a file).</summary>
    NotFound,

    /// <summary>A rule refused the input; <see cref="Outcome{T}.Errors"/> names the fields.</summary>
    Refused,

    /// <summary>The state does not allow it now (a stale form, already submitted, nothing to decide).</summary>
    Conflict,

    /// <summary>The cycle is closed or cancelled: nothing of it changes any more.</summary>
    Closed,

    /// <summary>Too many people changed the same thing at once; trying again shortly will work.</summary>
    Busy,

    /// <summary>Understood but not acceptable as sent (a request key reused for other content).</summary>
    Unprocessable,

    /// <summary>A change that must say which version it replaces (If-Match) did not.</summary>
    PreconditionRequired,
}

/// <summary>
/// One outcome type for every use case and every rule that may refuse: success with a value, or one
/// of the reasons in <see cref="OutcomeKind"/> with a message for people. Adapters map it to HTTP
/// (400/404/409/503) or to a message beside a form; nothing is thrown for a refusal.
/// </summary>
public sealed record Outcome<T>
{
    internal Outcome(OutcomeKind kind, T? value, string message, IReadOnlyList<FieldError> errors)
    {
        Kind = kind;
        Value = value;
        Message = message;
        Errors = errors;
    }

    public OutcomeKind Kind { get; }

    /// <summary>The result when <see cref="IsOk"/>; default otherwise.</summary>
    public T? Value { get; }

    /// <summary>Why not, for people (empty when ok).</summary>
    public string Message { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    public bool IsOk => Kind == OutcomeKind.Ok;

    /// <summary>The same refusal for a request of another result type.</summary>
    public Outcome<TOther> As<TOther>() =>
        IsOk ? throw new InvalidOperationException("An ok outcome has a value; map it instead.") : new(Kind, default, Message, Errors);

    /// <summary>The next step when this one succeeded; this refusal otherwise.</summary>
    public Outcome<TOther> Then<TOther>(Func<T, Outcome<TOther>> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return IsOk ? next(Value!) : As<TOther>();
    }

    public Outcome<TOther> Map<TOther>(Func<T, TOther> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return IsOk ? Outcome.Ok(map(Value!)) : As<TOther>();
    }

    public static implicit operator Outcome<T>(T value) => Outcome.Ok(value);

    public static implicit operator Outcome<T>(RuleViolation violation) => Outcome.Refused<T>(violation);
}

/// <summary>Makes outcomes: <c>Outcome.NotFound&lt;Obligation&gt;("…")</c>.</summary>
public static class Outcome
{
    public static Outcome<T> Ok<T>(T value) => new(OutcomeKind.Ok, value, string.Empty, []);

    public static Outcome<T> NotFound<T>(string message) => new(OutcomeKind.NotFound, default, message, []);

    public static Outcome<T> Refused<T>(RuleViolation violation)
    {
        ArgumentNullException.ThrowIfNull(violation);
        return new(OutcomeKind.Refused, default, violation.Message, violation.Errors);
    }

    public static Outcome<T> Conflict<T>(string message) => new(OutcomeKind.Conflict, default, message, []);

    public static Outcome<T> Closed<T>(string message) => new(OutcomeKind.Closed, default, message, []);

    public static Outcome<T> Busy<T>(string message) => new(OutcomeKind.Busy, default, message, []);

    public static Outcome<T> Unprocessable<T>(string message) => new(OutcomeKind.Unprocessable, default, message, []);

    public static Outcome<T> PreconditionRequired<T>(string message) => new(OutcomeKind.PreconditionRequired, default, message, []);
}
