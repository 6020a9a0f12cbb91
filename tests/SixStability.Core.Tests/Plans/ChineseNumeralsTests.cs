using SixStability.Core.Text;

namespace SixStability.Core.Tests.Plans;

public sealed class ChineseNumeralsTests
{
    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(15, "十五")]
    [InlineData(22, "二十二")]
    [InlineData(100, "一百")]
    [InlineData(101, "一百零一")]
    [InlineData(110, "一百一十")]
    [InlineData(1001, "一千零一")]
    [InlineData(2000, "二千")]
    [InlineData(9999, "九千九百九十九")]
    public void Numbers_read_and_write_the_way_plans_number_their_items(int value, string text)
    {
        ChineseNumerals.Format(value).Should().Be(text);
        ChineseNumerals.TryParse(text, out int parsed).Should().BeTrue();
        parsed.Should().Be(value);
    }

    [Theory]
    [InlineData("一十")]
    [InlineData("五五")]
    [InlineData("百")]
    [InlineData("零")]
    [InlineData("一百一")]
    [InlineData("甲")]
    [InlineData("")]
    public void Text_that_is_not_a_numeral_as_plans_write_them_is_not_read(string text)
    {
        ChineseNumerals.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void Every_number_up_to_the_maximum_reads_back()
    {
        var wrong = Enumerable.Range(1, ChineseNumerals.Max).Where(n => !RoundTrips(n)).ToList();

        wrong.Should().BeEmpty();
    }

    private static bool RoundTrips(int n) => ChineseNumerals.TryParse(ChineseNumerals.Format(n), out int back) && back == n;
}
