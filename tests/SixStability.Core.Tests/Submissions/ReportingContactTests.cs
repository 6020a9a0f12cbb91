using SixStability.Core.Submissions;

namespace SixStability.Core.Tests.Submissions;

public sealed class ReportingContactTests
{
    [Fact]
    public void A_contact_with_a_name_a_dialable_phone_and_an_approver_is_accepted()
    {
        ReportingContact.Check(new ReportingContact("王芳", "0798-8222333转8012", "李强")).Should().BeNull();
    }

    [Fact]
    public void Every_field_is_required_and_each_missing_one_is_named()
    {
        var refused = ReportingContact.Check(new ReportingContact(" ", "", ""));

        refused.Should().NotBeNull();
        refused!.Errors.Select(e => e.Field).Should().BeEquivalentTo("filler", "phone", "approver");
    }

    [Theory]
    [InlineData("王芳的手机")]
    [InlineData("12")]
    [InlineData("0798\n8222333")]
    public void A_phone_nobody_can_dial_is_refused_naming_what_was_typed(string phone)
    {
        var refused = ReportingContact.Check(new ReportingContact("王芳", phone, "李强"));

        refused!.Errors.Should().ContainSingle(e => e.Field == "phone");
    }

    [Fact]
    public void A_name_longer_than_a_name_or_with_control_characters_is_refused()
    {
        var refused = ReportingContact.Check(new ReportingContact(new string('王', ReportingContact.MaxName + 1), "13800000000", "李\u0000强"));

        refused!.Errors.Select(e => e.Field).Should().BeEquivalentTo("filler", "approver");
    }
}
