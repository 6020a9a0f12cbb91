using SixStability.Core.Calendar;

namespace SixStability.Core.Tests.Calendar;

public sealed class QuarterTests
{
    [Fact]
    public void Parses_and_prints_a_quarter()
    {
        Quarter q = Quarter.Parse("2020Q3");

        q.Should().Be(new Quarter(2020, 3));
        q.ToString().Should().Be("2020Q3");
        q.FirstDay.Should().Be(new DateOnly(2020, 7, 1));
        q.LastDay.Should().Be(new DateOnly(2020, 9, 30));
        q.ChineseName.Should().Be("2020年第三季度");
        q.Previous.Should().Be(new Quarter(2020, 2));
        new Quarter(2020, 4).Next.Should().Be(new Quarter(2021, 1));
        new Quarter(2021, 1).Previous.Should().Be(new Quarter(2020, 4));
    }

    [Theory]
    [InlineData("2020Q5")]
    [InlineData("2020Q0")]
    [InlineData("2020q3")]
    [InlineData("20Q3")]
    [InlineData("2020-Q3")]
    [InlineData(" 2020Q3")]
    [InlineData("")]
    [InlineData(null)]
    public void A_bad_quarter_string_is_a_clear_error(string? text)
    {
        Action act = () => Quarter.Parse(text);

        act.Should().Throw<FormatException>().WithMessage("季度“*”无效：应写作“2020Q3”*");
    }
}
