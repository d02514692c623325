package org.yundangke.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every word a user reads comes from the bundles ({@code i18n/messages*.properties}), so it exists in Chinese and in
 * English: this scans the Java sources' string literals (text blocks and SQL included, comments left out) for Chinese
 * characters. In the manner of Spring Petclinic's I18nPropertiesSyncTest.
 */
class ChineseLiteralsTest {

    private static final Path SOURCES = Path.of("src/main/java");

    /** Files whose Chinese is not UI text, and why. */
    private static final Map<String, String> ALLOWED = Map.of(
            "org/yundangke/org/DemoData.java", "the demo organisation: names of people, committees and branches",
            "org/yundangke/catalogue/DemoLessons.java", "the demo lessons' own content, written in Chinese",
            "org/yundangke/quiz/DemoQuestions.java", "the demo quizzes' own names and summaries, written in Chinese",
            "org/yundangke/quiz/QuestionRows.java", "the bank's file format: its column names and type words (题型, 单选…)",
            "org/yundangke/org/MemberRows.java", "the member import's file format: column names and words (男, 是…)",
            "org/yundangke/live/AttendanceImport.java", "column names meeting apps write in their exports (入会时间…)",
            "org/yundangke/base/ui/DateFields.java", "date patterns: 年, 月 and 日 are the separators of a Chinese date",
            "org/yundangke/base/ui/SettingsView.java", "a language's name in that language (中文 / English)",
            "org/yundangke/base/ui/AppShell.java", "the page title before any language is chosen: both names");

    @Test
    void no_chinese_text_outside_the_bundles() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = SOURCES.relativize(file).toString().replace('\\', '/');
                if (!ALLOWED.containsKey(name)) {
                    literals(Files.readString(file)).stream().filter(ChineseLiteralsTest::hasChinese)
                            .forEach(literal -> found.add(name + ": " + literal));
                }
            }
        }
        assertThat(found).as("Chinese in Java literals; move it to i18n/messages*.properties").isEmpty();
    }

    @Test
    void the_scan_reads_literals_and_skips_comments() {
        String source = """
                /** 注释里的中文 */
                class A { // 行尾注释 "引号里的注释"
                    String url = "http://example.org"; // 中文
                    String sql = \"""
                        select '隶属' from t\""";
                    String text = "学习证明";
                    char c = '"';
                }
                """;
        assertThat(literals(source)).filteredOn(ChineseLiteralsTest::hasChinese)
                .containsExactly("\n        select '隶属' from t", "学习证明");
    }

    private static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** The contents of the string literals and text blocks of a Java source, comments and char literals skipped. */
    static List<String> literals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end + 1;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? source.length() : end;
                literals.add(source.substring(i + 3, end));
                i = end + 3;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != quote && source.charAt(j) != '\n') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                if (quote == '"') {
                    literals.add(source.substring(i + 1, Math.min(j, source.length())));
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }
}
