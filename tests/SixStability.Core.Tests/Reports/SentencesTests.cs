using SixStability.Core.Reports;

namespace SixStability.Core.Tests.Reports;

/// <summary>What units wrote, condensed for the report: whole sentences only.</summary>
public sealed class SentencesTests
{
    [Fact]
    public void Condensing_keeps_whole_sentences_from_the_start_within_the_budget()
    {
        const string text = "本季度新开工项目12个。完成投资45亿元！下一步加快推进？另外还有一些说明。";

        Sentences.Condense(text, 21).Should().Be("本季度新开工项目12个。完成投资45亿元！");
        Sentences.Condense(text, 20).Should().Be("本季度新开工项目12个。");
        Sentences.Condense(text, 200).Should().Be(text);
    }

    [Fact]
    public void A_first_sentence_longer_than_the_budget_is_kept_whole_never_cut()
    {
        string longFirst = new string('稳', 50) + "。第二句。";

        Sentences.Condense(longFirst, 10).Should().Be(new string('稳', 50) + "。");
    }

    [Fact]
    public void Closing_quotes_and_brackets_stay_with_their_sentence_and_line_breaks_end_a_sentence()
    {
        Sentences.Split("落实“六稳”要求。”（已完成。）\n第二行没有句号\n\n第三句；").Should().Equal("落实“六稳”要求。”", "（已完成。）", "第二行没有句号", "第三句；");
        Sentences.Condense("没有句号的一段话", 100).Should().Be("没有句号的一段话。", "a sentence without its mark gets one, so the report reads as prose");
    }

    [Fact]
    public void Nothing_written_condenses_to_nothing()
    {
        Sentences.Condense(null, 100).Should().BeEmpty();
        Sentences.Condense("   \n ", 100).Should().BeEmpty();
    }
}
