using SixStability.Core.Submissions;

namespace SixStability.Core.Tests.Submissions;

public sealed class TextDiffTests
{
    private static string Old(IEnumerable<DiffSegment> d) => string.Concat(d.Where(s => s.Kind != DiffKind.Added).Select(s => s.Text));

    private static string New(IEnumerable<DiffSegment> d) => string.Concat(d.Where(s => s.Kind != DiffKind.Removed).Select(s => s.Text));

    [Fact]
    public void A_changed_figure_in_a_chinese_sentence_shows_as_the_number_removed_and_added_and_the_rest_unchanged()
    {
        IReadOnlyList<DiffSegment> diff = TextDiff.Compare("全市新增就业1.2万人，完成全年目标的60%。", "全市新增就业1.5万人，完成全年目标的75%。");

        diff.Should().Equal(
            new DiffSegment(DiffKind.Same, "全市新增就业"),
            new DiffSegment(DiffKind.Removed, "1.2"),
            new DiffSegment(DiffKind.Added, "1.5"),
            new DiffSegment(DiffKind.Same, "万人，完成全年目标的"),
            new DiffSegment(DiffKind.Removed, "60"),
            new DiffSegment(DiffKind.Added, "75"),
            new DiffSegment(DiffKind.Same, "%。"));
    }

    [Fact]
    public void Chinese_characters_are_compared_one_by_one_so_an_inserted_word_is_only_that_word()
    {
        IReadOnlyList<DiffSegment> diff = TextDiff.Compare("开展招聘活动。", "开展线上线下招聘活动。");

        diff.Should().Equal(
            new DiffSegment(DiffKind.Same, "开展"),
            new DiffSegment(DiffKind.Added, "线上线下"),
            new DiffSegment(DiffKind.Same, "招聘活动。"));
    }

    [Fact]
    public void A_first_revision_is_all_added_and_identical_texts_are_one_unchanged_run()
    {
        TextDiff.Compare(null, "已完成。").Should().Equal(new DiffSegment(DiffKind.Added, "已完成。"));
        TextDiff.Compare("已完成。", "已完成。").Should().Equal(new DiffSegment(DiffKind.Same, "已完成。"));
        TextDiff.Compare("", null).Should().BeEmpty();
    }

    [Fact]
    public void Latin_words_and_numbers_are_single_tokens_and_the_tokens_join_back_to_the_text()
    {
        const string text = "完成GDP 增长3.5%，👍 PPP项目12个";

        string[] tokens = TextDiff.Tokens(text);

        string.Concat(tokens).Should().Be(text);
        tokens.Should().Contain(["GDP", " ", "3.5", "👍", "PPP", "12"]);
    }

    [Fact]
    public void Two_random_texts_give_segments_that_rebuild_both_revisions_exactly()
    {
        var random = new Random(16);
        const string alphabet = "稳就业保民生，。12.3ab \n";
        for (int round = 0; round < 200; round++)
        {
            string a = new([.. Enumerable.Range(0, random.Next(60)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            string b = new([.. Enumerable.Range(0, random.Next(60)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

            IReadOnlyList<DiffSegment> diff = TextDiff.Compare(a, b);

            Old(diff).Should().Be(a);
            New(diff).Should().Be(b);
            diff.Zip(diff.Skip(1)).Should().NotContain(p => p.First.Kind == p.Second.Kind, "neighbouring runs of one kind are merged");
        }
    }

    [Fact]
    public void A_long_text_rewritten_throughout_is_compared_by_sentence_and_still_rebuilds_both_revisions()
    {
        string a = string.Concat(Enumerable.Range(0, 250).Select(i => $"第{i}项工作按进度推进，完成率达到{i % 97}%。"));
        string b = string.Concat(Enumerable.Range(0, 250).Select(i => i % 5 == 0 ? $"第{i}项工作已全部完成。" : $"第{i}项工作按进度推进，完成率达到{i % 97}%。"));

        IReadOnlyList<DiffSegment> diff = TextDiff.Compare(a + "甲", "乙" + b);

        Old(diff).Should().Be(a + "甲");
        New(diff).Should().Be("乙" + b);
        diff.Should().Contain(new DiffSegment(DiffKind.Added, "第5项工作已全部完成。"));
    }
}
