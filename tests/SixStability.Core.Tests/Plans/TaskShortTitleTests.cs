using SixStability.Core.Plans;

namespace SixStability.Core.Tests.Plans;

public sealed class TaskShortTitleTests
{
    private static readonly PlanCatalog Seed = PlanImporter.Import("jingdezhen", Samples.Read("jingdezhen.txt")).Catalog;

    [Fact]
    public void Every_seed_task_gets_a_short_title_that_is_not_empty_fits_the_column_and_is_its_own()
    {
        PlanTask[] tasks = [.. Seed.Tasks];

        string[] shorts = [.. tasks.Select(t => TaskShortTitle.Of(t.Title))];

        tasks.Should().HaveCount(22);
        shorts.Should().OnlyContain(s => s.Length >= 2 && s.Length <= TaskShortTitle.MaxLength);
        shorts.Should().OnlyHaveUniqueItems();
        shorts.Select(s => s.TrimEnd('…')).Should().OnlyHaveUniqueItems("two columns cut to the same start would read alike");
    }

    [Theory]
    [InlineData("稳定就业岗位", "稳定就业岗位")]
    [InlineData("加快项目建设", "加快项目建设")]
    [InlineData("进一步减轻企业负担", "减轻企业负担")]
    [InlineData("坚决打好污染防治攻坚战", "污染防治攻坚战")]
    [InlineData("加强对重点行业重点群体就业支持", "重点行业重点群…")]
    [InlineData("推动产业链上下游协同复产达产", "产业链上下游协…")]
    [InlineData("提升产业链能级", "提升产业链能级")]
    public void A_title_keeps_its_first_clause_without_the_usual_leading_words_and_is_cut_with_an_ellipsis(string title, string expected)
    {
        string shortTitle = TaskShortTitle.Of(title);

        shortTitle.Should().Be(expected);
    }

    [Theory]
    [InlineData("稳定就业岗位，做好高校毕业生就业工作", "稳定就业岗位")]
    [InlineData("优化营商环境（2020年底前）", "优化营商环境")]
    [InlineData("  防范金融风险；守住底线 ", "防范金融风险")]
    public void Only_the_first_clause_of_a_long_title_is_kept(string title, string expected)
    {
        string shortTitle = TaskShortTitle.Of(title);

        shortTitle.Should().Be(expected);
    }

    [Fact]
    public void A_title_that_is_only_a_leading_word_is_not_stripped_to_nothing()
    {
        string shortTitle = TaskShortTitle.Of("加强");

        shortTitle.Should().Be("加强");
    }
}
