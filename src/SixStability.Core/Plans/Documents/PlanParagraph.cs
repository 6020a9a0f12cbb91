namespace SixStability.Core.Plans.Documents;

/// <param name="Line">The line in a text file; in a .docx, the paragraph's place among the body's paragraphs
/// (what would be its line if Word saved the file as text).</param>
public sealed record PlanParagraph(int Line, string Text) : PlanBlock;
