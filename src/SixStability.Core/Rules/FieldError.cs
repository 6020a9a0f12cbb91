namespace SixStability.Core.Rules;

/// <summary>One problem with one field of an input, worded for the person who sent it.</summary>
public sealed record FieldError(string Field, string Message);
