package org.yundangke.catalogue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * An article as plain words, one line per paragraph, heading or list item: what the reading time counts and what the
 * read-aloud voice says. Taken from the same cleaned HTML members see ({@link ArticleHtml}), so nothing the cleaning
 * removed (a style sheet's text, a script) is counted or read aloud.
 */
public final class ArticleText {

    private ArticleText() {
    }

    public static String plain(String markdown) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode words) {
                    text.append(words.text());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    text.append('\n');
                }
            }
        }, Jsoup.parseBodyFragment(ArticleHtml.render(markdown)).body());
        return text.toString().replaceAll("[ \\t]+", " ").replaceAll(" *\\n[\\s]*", "\n").strip();
    }
}
