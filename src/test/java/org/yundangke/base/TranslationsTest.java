package org.yundangke.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    private final Translations translations = new Translations();

    @Test
    void both_bundles_hold_the_same_keys_and_no_empty_text() throws IOException {
        Properties chinese = load("i18n/messages.properties");
        Properties english = load("i18n/messages_en.properties");
        assertThat(english.stringPropertyNames()).isEqualTo(chinese.stringPropertyNames());
        assertThat(chinese.stringPropertyNames()).hasSizeGreaterThan(20);
        chinese.forEach((key, text) -> assertThat((String) text).as("zh %s", key).isNotBlank());
        english.forEach((key, text) -> assertThat((String) text).as("en %s", key).isNotBlank());
    }

    @Test
    void chinese_is_the_default_and_english_the_second_language() {
        assertThat(translations.getProvidedLocales()).containsExactly(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
        assertThat(translations.getTranslation("app.name", Locale.SIMPLIFIED_CHINESE)).isEqualTo("云党课");
        assertThat(translations.getTranslation("app.name", Locale.forLanguageTag("fr-FR"))).isEqualTo("云党课");
        assertThat(translations.getTranslation("app.name", Locale.US)).isEqualTo("Yundangke");
    }

    @Test
    void fills_parameters_and_marks_missing_keys() {
        assertThat(translations.getTranslation("member.home.greeting", Locale.ENGLISH, "Wang")).isEqualTo("Hello, Wang!");
        assertThat(translations.getTranslation("no.such.key", Locale.ENGLISH)).isEqualTo("!no.such.key!");
    }

    /**
     * A text with placeholders goes through MessageFormat, where a lone apostrophe starts a quotation and swallows
     * the rest ("Yundangke's {0}" would print without its value): such texts write it twice.
     */
    @Test
    void every_placeholder_comes_through_and_an_apostrophe_stays() throws IOException {
        for (String resource : new String[] {"i18n/messages.properties", "i18n/messages_en.properties"}) {
            Properties texts = load(resource);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                int placeholders = (int) java.util.regex.Pattern.compile("\\{(\\d)").matcher(text).results().count();
                if (placeholders == 0) {
                    continue;
                }
                Object[] values = new Object[10];
                java.util.Arrays.fill(values, 7);
                String shown = new java.text.MessageFormat(text, Locale.ENGLISH).format(values);
                assertThat(shown).as("%s %s", resource, key).doesNotContain("{").contains("7");
                assertThat(text.replace("''", "")).as("%s %s: write an apostrophe twice", resource, key)
                        .doesNotContain("'");
            }
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
