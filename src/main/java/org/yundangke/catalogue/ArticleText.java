package org.yundangke.catalogue;

import java.util.regex.Pattern;

/** An article's Markdown as plain words: what the reading time counts and what the read-aloud voice says. */
public final class ArticleText {

    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");
    private static final Pattern LINE_MARKS = Pattern.compile("(?m)^\\s{0,3}(#{1,6}|>|[-*+]|\\d+[.)])\\s+");
    private static final Pattern INLINE_MARKS = Pattern.compile("[*_`~]+");
    private static final Pattern SPACES = Pattern.compile("[ \\t]+");

    private ArticleText() {
    }

    public static String plain(String markdown) {
        String text = IMAGE.matcher(markdown).replaceAll("");
        text = LINK.matcher(text).replaceAll("$1");
        text = TAG.matcher(text).replaceAll("");
        text = LINE_MARKS.matcher(text).replaceAll("");
        text = INLINE_MARKS.matcher(text).replaceAll("");
        return SPACES.matcher(text).replaceAll(" ").replaceAll("\\n{3,}", "\n\n").strip();
    }
}
