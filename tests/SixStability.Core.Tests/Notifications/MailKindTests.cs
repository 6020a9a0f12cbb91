using SixStability.Core.Notifications;

namespace SixStability.Core.Tests.Notifications;

public sealed class MailKindTests
{
    [Fact]
    public void Every_kind_reads_back_from_its_category_and_has_a_Chinese_name()
    {
        foreach (MailKind kind in Enum.GetValues<MailKind>())
        {
            MailKinds.FromCategory(kind.Category()).Should().Be(kind);
            kind.ChineseName().Should().MatchRegex(@"^\p{IsCJKUnifiedIdeographs}+$");
        }
    }

    [Fact]
    public void A_category_no_mail_uses_has_no_kind()
    {
        MailKinds.FromCategory("Reminder").Should().BeNull("categories are compared exactly");
        MailKinds.FromCategory(null).Should().BeNull();
    }
}
