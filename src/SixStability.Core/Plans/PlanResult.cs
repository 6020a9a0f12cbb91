using System.Diagnostics.CodeAnalysis;

namespace SixStability.Core.Plans;

/// <summary>Either a value or a <see cref="PlanRefusal"/>; plan input is refused with a result, never an exception.</summary>
public sealed record PlanResult<T>
    where T : class
{
    internal PlanResult(T? value, PlanRefusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    public T? Value { get; }

    public PlanRefusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Refusal))]
    [MemberNotNullWhen(false, nameof(Value))]
    public bool IsRefused
    {
        get
        {
            if (Refusal is not null)
            {
                return true;
            }

            return Value is null ? throw new InvalidOperationException("A plan result holds neither a value nor a refusal.") : false;
        }
    }
}

/// <summary>Makes <see cref="PlanResult{T}"/> values.</summary>
public static class PlanResult
{
    public static PlanResult<T> Ok<T>(T value)
        where T : class => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static PlanResult<T> Refuse<T>(PlanRefusal refusal)
        where T : class => new(null, refusal ?? throw new ArgumentNullException(nameof(refusal)));

    public static PlanResult<T> Refuse<T>(PlanRefusalReason reason, string message)
        where T : class => new(null, new PlanRefusal(reason, message));
}
