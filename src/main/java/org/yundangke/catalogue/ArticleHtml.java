package org.yundangke.catalogue;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * An article as members receive it: its Markdown rendered on the server, then cleaned by jsoup's allow-list. Headings,
 * paragraphs, lists, emphasis, quotes, code, tables, links (http/https only, rel="noopener noreferrer") and
 * pictures uploaded for articles here; nothing else, so no style, form, frame, script or event attribute survives,
 * whatever an editor wrote or an older version stored.
 */
public final class ArticleHtml {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).build();
    private static final Safelist ALLOWED = new Safelist()
            .addTags("h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "em", "strong", "b", "i",
                    "del", "s", "code", "pre", "blockquote", "a", "img", "table", "thead", "tbody", "tr", "th", "td")
            .addAttributes("a", "href", "title")
            .addProtocols("a", "href", "http", "https")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer")
            .addAttributes("img", "src", "alt", "title")
            .addAttributes("ol", "start")
            .addAttributes("th", "align")
            .addAttributes("td", "align");

    private ArticleHtml() {
    }

    /** The article's Markdown as safe HTML, inside one {@code <div class="ydk-article">}. */
    public static String render(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown));
        Document clean = Jsoup.parse(Jsoup.clean(html, ALLOWED));
        // pictures only from this app's own article pictures (a foreign one would tell a stranger who reads what)
        for (Element image : clean.select("img")) {
            if (!ArticleImages.NAMED.matcher(image.attr("src")).matches()) {
                image.remove();
            }
        }
        clean.outputSettings().prettyPrint(false);
        return "<div class=\"ydk-article\">" + clean.body().html() + "</div>";
    }
}
