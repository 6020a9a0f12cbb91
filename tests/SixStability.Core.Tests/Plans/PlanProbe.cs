using SixStability.Core.Plans;
using SixStability.Core.Plans.Documents;
using SixStability.Core.Plans.Review;

namespace SixStability.Core.Tests.Plans;

/// <summary>Drafts a transcribed plan with no directory: what the importer read, before any correction.</summary>
internal static class PlanProbe
{
    public static PlanDraft Draft(string file) => Draft(PlanDocument.FromText(Samples.Plan(file)));

    public static PlanDraft Draft(PlanDocument document)
    {
        PlanResult<PlanDraft> result = PlanDraft.Create("p", document, null);
        result.Refusal.Should().BeNull();
        return result.Value!;
    }

    /// <summary>Each task as (lead units, partner units) joined with 、 for compact assertions.</summary>
    public static IEnumerable<(string Leads, string Partners)> Units(PlanDraft draft) =>
        draft.Tasks.Select(t => (string.Join("、", t.Units.Take(t.LeadCount)), string.Join("、", t.Units.Skip(t.LeadCount))));
}
