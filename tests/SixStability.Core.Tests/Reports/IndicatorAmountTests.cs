using SixStability.Core.Reports;

namespace SixStability.Core.Tests.Reports;

/// <summary>Values are written as the plan writes them: 143万亩, not 1430000亩.</summary>
public sealed class IndicatorAmountTests
{
    [Theory]
    [InlineData(1430000, "亩", "143万亩")]
    [InlineData(1458600, "亩", "145.86万亩")]
    [InlineData(299200, "头", "29.92万头")]
    [InlineData(18540, "头", "1.854万头")]
    [InlineData(16000, "户", "1.6万户")]
    [InlineData(10000, "人", "1万人")]
    [InlineData(9999, "人", "9999人")]
    [InlineData(1585.14, "亿元", "1585.14亿元")]
    [InlineData(250000, "万元", "250000万元")]
    [InlineData(66.3, "%", "66.3%")]
    public void From_one_wan_up_a_value_is_written_in_wan_exactly_and_units_already_in_wan_or_yi_are_left_as_they_are(decimal value, string unit, string expected)
    {
        string written = SummaryText.Amount(value, unit);

        written.Should().Be(expected);
    }

    [Fact]
    public void A_level_target_in_wan_reads_in_wan_in_the_reports_sentence()
    {
        var grain = new SixStability.Core.Plans.Indicator("全年粮食播面稳定在143万亩", 1430000m, "亩", SixStability.Core.Plans.IndicatorKind.Level);

        string sentence = SummaryText.Sentence(TaskRating.Judge(grain, 1458600m, 3));

        sentence.Should().Be("全年粮食播面稳定在143万亩：目前为145.86万亩，已达到目标（143万亩）");
    }
}
