namespace SixStability.Core.Notifications;

/// <summary>Who receives the quarterly report, named as every other mail names them.</summary>
public static class SummaryReaders
{
    /// <summary>
    /// The directory's summary recipients and the coordinator. A recipient whose address is a leader's is
    /// greeted as the escalation mails greet that leader (赵文市长), whatever the recipient line says.
    /// </summary>
    public static IReadOnlyList<Contact> For(UnitDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return [.. directory.SummaryRecipients.Select(r => directory.Leaders.FirstOrDefault(l => string.Equals(l.Email, r.Email, StringComparison.OrdinalIgnoreCase)) is { } leader
            ? r with { Name = $"{leader.Name}{leader.Title}" }
            : r), directory.Coordinator];
    }
}
