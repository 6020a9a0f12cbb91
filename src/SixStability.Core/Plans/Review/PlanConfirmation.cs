namespace SixStability.Core.Plans.Review;

/// <summary>
/// What confirming a draft gives: the catalog to store as the plan, the aliases to add to the directory
/// (accepted suggestions), and the corrections to keep beside the plan so that a re-import of the same
/// file can replay them.
/// </summary>
public sealed record PlanConfirmation(PlanCatalog Catalog, IReadOnlyList<DirectoryAlias> Aliases, IReadOnlyList<PlanCorrection> Corrections)
{
    /// <summary>The directory with this confirmation's aliases added.</summary>
    public UnitDirectory UpdateDirectory(UnitDirectory directory) => DirectoryAlias.AddTo(directory, Aliases);
}
