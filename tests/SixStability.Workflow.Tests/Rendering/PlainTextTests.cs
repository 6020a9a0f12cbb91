using SixStability.Workflow.Rendering;

namespace SixStability.Workflow.Tests.Rendering;

public sealed class PlainTextTests
{
    [Fact]
    public void Paragraphs_lists_and_tables_become_lines_and_entities_are_decoded()
    {
        const string html = """
            <div style="x"><p>市人社局：</p>
              <p>第一段<br>第二行 &amp; &lt;尖括号&gt;</p>
              <ul>
                <li>（一）甲</li>
                <li>（二）乙</li>
              </ul>
              <table><tr><th>单位</th><th>天数</th></tr>
              <tr><td>市人社局</td><td>3</td></tr></table>
            </div>
            """;

        PlainText.FromHtml(html).Should().Be("市人社局：\n\n第一段\n第二行 & <尖括号>\n\n  - （一）甲\n  - （二）乙\n\n单位　天数\n市人社局　3");
    }

    [Fact]
    public void A_cell_laid_out_over_several_lines_reads_as_one_cell_without_stray_spaces()
    {
        const string html = """
            <table><tr>
            <td>浮梁县政府</td>
            <td>
                （二）扩大就业<br>
                （五）稳外贸
            </td>
            <td>5</td>
            </tr></table>
            """;

        PlainText.FromHtml(html).Should().Be("浮梁县政府　（二）扩大就业\n（五）稳外贸　5");
    }
}
