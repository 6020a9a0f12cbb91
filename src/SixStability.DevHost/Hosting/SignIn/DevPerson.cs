using SixStability.Core.Units;

namespace SixStability.DevHost.Hosting.SignIn;

/// <summary>Someone the local sign-in offers: a person of the directory in the role their place in it gives them.</summary>
/// <param name="Key">Stable id of the entry (coordinator, supervision, leader-vm-industry, viewer-0): the actor id in the audit trail.</param>
public sealed record DevPerson(string Key, string Name, string Email, Role Role, string Note)
{
    /// <summary>
    /// The directory's people: the coordinator (协调员), the supervision office (督查室), each leader (分管领导)
    /// and each summary recipient (查看). Without a directory yet, only the coordinator, so the directory can be loaded.
    /// </summary>
    public static IReadOnlyList<DevPerson> From(UnitDirectory? directory)
    {
        if (directory is null)
        {
            return [new("coordinator", "协调员（尚未导入单位名录）", string.Empty, Role.Coordinator, "导入单位名录后，这里会列出名录中的人员。")];
        }

        var people = new List<DevPerson>
        {
            new("coordinator", directory.Coordinator.Name, directory.Coordinator.Email, Role.Coordinator, "全部操作"),
            new("supervision", directory.SupervisionOffice.Name, directory.SupervisionOffice.Email, Role.Supervision, "全部单位只读、督办情况、审计记录"),
        };
        people.AddRange(directory.Leaders.Select(l => new DevPerson($"leader-{l.Id}", $"{l.Name} {l.Title}", l.Email, Role.Leader, $"分管 {directory.Units.Count(u => u.Leader == l.Id)} 个单位，只读")));
        people.AddRange(directory.SummaryRecipients.Select((r, i) => new DevPerson($"viewer-{i}", r.Name, r.Email, Role.Viewer, "只看季度汇总报告")));
        return people;
    }

    public SignedInPerson AsSignedIn(IReadOnlyDictionary<Role, string> appRoles) => new(Key, Name, Email, [appRoles[Role]]);
}
