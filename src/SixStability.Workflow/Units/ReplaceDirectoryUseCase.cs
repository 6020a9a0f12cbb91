using System.Text.Json.Serialization;
using SixStability.Core.Units.Workbook;

namespace SixStability.Workflow.Units;

/// <summary>
/// Replaces the unit directory. A new directory must still name every unit of every stored plan, so
/// a plan never points at a unit that no longer exists; and every group robot it names must be configured,
/// so a reminder never finds a robot without a key.
/// </summary>
public sealed partial class ReplaceDirectoryUseCase(IDirectoryStore directory, IPlanStore plans, IRobotCatalog robots, AuditTrail audit, ILogger<ReplaceDirectoryUseCase> logger)
{
    public async Task<Outcome<DirectoryStored>> RunAsync(ReplaceDirectoryCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        (UnitDirectory? parsed, IReadOnlyList<FieldError> errors) = command.Workbook is { } book
            ? DirectoryWorkbook.Read(book)
            : UnitDirectoryReader.Parse(command.Json ?? string.Empty);
        if (parsed is null)
        {
            return Outcome.Refused<DirectoryStored>(RuleViolation.Of("单位名录有误。", errors));
        }

        IReadOnlyList<FieldError> unconfigured = ChannelRules.Unconfigured(parsed, robots.IsConfigured);
        if (unconfigured.Count > 0)
        {
            return Outcome.Refused<DirectoryStored>(RuleViolation.Of("单位名录中的群机器人未配置。", unconfigured));
        }

        var resolver = new UnitResolver(parsed);
        var orphaned = new List<FieldError>();
        foreach (PlanCatalog plan in await plans.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            IReadOnlyList<string> unresolved = resolver.Unresolved(plan);
            if (unresolved.Count > 0)
            {
                orphaned.Add(new FieldError("units", $"方案“{plan.PlanId}”的责任单位在新名录中找不到：{string.Join("、", unresolved)}。"));
            }
        }

        if (orphaned.Count > 0)
        {
            return Outcome.Refused<DirectoryStored>(RuleViolation.Of("新名录缺少已导入方案中的责任单位。", orphaned));
        }

        StoredVersion? previous = (await directory.GetAsync(null, cancellationToken).ConfigureAwait(false))?.Version;
        Outcome<StoredVersion> stored = await directory.PutAsync(parsed, command.IfMatch, cancellationToken).ConfigureAwait(false);
        if (stored.IsOk)
        {
            LogDirectoryStored(logger, stored.Value!.Number, parsed.Units.Count, parsed.Groups.Count);
            await audit.RecordAsync(command.Actor, AuditAction.ReplaceDirectory, new AuditChange(null, "单位名录", previous is null ? null : $"第 {previous.Number} 版", $"第 {stored.Value.Number} 版", $"{parsed.Units.Count} 个单位、{parsed.Leaders.Count} 位分管领导")).ConfigureAwait(false);
        }

        return stored.Map(version => new DirectoryStored(parsed.Units.Count, parsed.Leaders.Count, parsed.Groups.Count, version.Number, version.ETag));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory stored as version {Version} with {Units} units and {Groups} groups")]
    private static partial void LogDirectoryStored(ILogger logger, int version, int units, int groups);
}

/// <param name="Json">The directory as JSON, unless <paramref name="Workbook"/> is given.</param>
/// <param name="Actor">Who replaces it, for the audit trail.</param>
/// <param name="Workbook">The directory as an .xlsx workbook (<see cref="DirectoryWorkbook"/>).</param>
public sealed record ReplaceDirectoryCommand(string? Json, string? IfMatch, Actor Actor, byte[]? Workbook = null);

/// <param name="Version">The version this made; cycles already running keep the version they opened with.</param>
public sealed record DirectoryStored(int Units, int Leaders, int Groups, int Version, [property: JsonIgnore] string ETag);
