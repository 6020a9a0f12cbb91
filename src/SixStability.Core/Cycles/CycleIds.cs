namespace SixStability.Core.Cycles;

/// <summary>
/// A cycle is one plan × one quarter; its id (jingdezhen-2020Q3) is also the orchestration instance id,
/// so starting it twice never makes two cycles.
/// </summary>
public static class CycleIds
{
    public static string For(string planId, Quarter quarter) => $"{planId}-{quarter}";

    public static bool TryParse(string? cycleId, out string planId, out Quarter quarter)
    {
        planId = string.Empty;
        quarter = default;
        if (cycleId is null || cycleId.Length < 8)
        {
            return false;
        }

        int dash = cycleId.LastIndexOf('-');
        if (dash <= 0 || !Quarter.TryParse(cycleId[(dash + 1)..], out quarter) || !PlanIds.IsValid(cycleId[..dash]))
        {
            return false;
        }

        planId = cycleId[..dash];
        return true;
    }
}
