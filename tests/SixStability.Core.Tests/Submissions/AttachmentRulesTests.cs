using System.Text;
using SixStability.Core.Submissions;

namespace SixStability.Core.Tests.Submissions;

public sealed class AttachmentRulesTests
{
    [Theory]
    [InlineData("x\u202Elmth.pdf")] // right-to-left override: shows as "xfdp.html"
    [InlineData("报告\u202Dx.pdf")]
    [InlineData("报告\u200B.pdf")] // zero-width space
    [InlineData("\uFEFF报告.pdf")] // byte-order mark
    [InlineData("报告\u2066.pdf")] // left-to-right isolate
    [InlineData("报告\U000E0041.pdf")] // a tag character, outside the BMP
    [InlineData("报告\u2028.pdf")] // line separator
    [InlineData("报告\u0007.pdf")]
    public void A_name_with_a_hidden_or_format_character_is_refused(string name)
    {
        (string? error, _, _) = AttachmentRules.Check(name, 100, 0);

        error.Should().Be(AttachmentRules.HiddenCharacters);
    }

    [Fact]
    public void Half_a_surrogate_pair_is_refused_rather_than_thrown_on_by_NFC()
    {
        // Not a theory case: xunit carries theory data through UTF-8, which turns a lone surrogate into U+FFFD.
        string name = "报告" + (char)0xD800 + ".pdf";

        (string? error, _, _) = AttachmentRules.Check(name, 100, 0);

        error.Should().Be(AttachmentRules.HiddenCharacters);
    }

    [Fact]
    public void A_name_is_kept_in_NFC_so_the_same_name_typed_on_a_Mac_is_the_same_name()
    {
        string decomposed = "Re\u0301sume\u0301 台账.pdf".Normalize(NormalizationForm.FormD);

        (string? error, string type, string name) = AttachmentRules.Check(decomposed, 100, 0);

        error.Should().BeNull();
        type.Should().Be("application/pdf");
        name.Should().Be("R\u00e9sum\u00e9 台账.pdf");
        name.IsNormalized(NormalizationForm.FormC).Should().BeTrue();
    }

    [Fact]
    public void Characters_outside_the_BMP_and_a_path_are_fine_and_only_the_last_segment_is_kept()
    {
        (string? error, _, string name) = AttachmentRules.Check("C:\\Users\\科员\\𠀀𠀁 台账.xlsx", 100, 0);

        error.Should().BeNull();
        name.Should().Be("𠀀𠀁 台账.xlsx");
    }
}
