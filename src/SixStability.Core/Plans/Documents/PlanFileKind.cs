namespace SixStability.Core.Plans.Documents;

/// <summary>What a plan file was read from.</summary>
public enum PlanFileKind
{
    Text,
    Docx,
}
