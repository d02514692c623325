package org.yundangke.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.AppSession;
import org.yundangke.Logins;
import org.yundangke.TestTalks;
import org.yundangke.base.UserError;

/** WebVTT captions: checked before they are stored, then served beside the talk to whoever may play it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CaptionsTest {

    static final String VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n同志们好，今天我们学习党史。\n";

    @LocalServerPort
    int port;

    @Autowired
    MediaLibrary library;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void captions_are_stored_and_served_with_the_talk() throws Exception {
        UUID talk = TestTalks.ready(jdbc, "lecturer", "有字幕的讲座", 60);
        logins.as("lecturer");
        assertThat(library.play(talk).captionsUrl()).as("none before they are added").isNull();
        byte[] withBom = ("\uFEFF" + VTT).getBytes(StandardCharsets.UTF_8);
        library.attachCaptions(talk, withBom);

        MediaLibrary.PlaybackSource source = library.play(talk);
        assertThat(source.captionsUrl()).endsWith("/" + talk + "/captions.vtt");
        AppSession lecturer = AppSession.login(port, "lecturer", "demo1234");
        HttpResponse<String> served = lecturer.get(source.captionsUrl());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type").orElse("")).startsWith("text/vtt");
        assertThat(served.body()).as("stored without the byte-order mark").isEqualTo(VTT);

        AppSession member = AppSession.login(port, "member", "demo1234");
        assertThat(member.get(source.captionsUrl()).statusCode()).as("another user's token").isEqualTo(403);
    }

    @Test
    void only_the_talks_editor_may_add_captions() {
        UUID talk = TestTalks.ready(jdbc, "lecturer", "别人的讲座", 60);
        logins.as("admin");
        library.attachCaptions(talk, VTT.getBytes(StandardCharsets.UTF_8));
        logins.as("member");
        assertThatThrownBy(() -> library.attachCaptions(talk, VTT.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void files_that_are_not_webvtt_are_refused_with_what_to_do() {
        assertRefused(new byte[0], "media.captions.empty");
        assertRefused("1\n00:00:00,000 --> 00:00:04,000\n字幕\n".getBytes(StandardCharsets.UTF_8), "media.captions.not-vtt");
        assertRefused("WEBVTTX\n\n00:00.000 --> 00:04.000\nx\n".getBytes(StandardCharsets.UTF_8), "media.captions.not-vtt");
        assertRefused("WEBVTT\n\n".getBytes(StandardCharsets.UTF_8), "media.captions.no-cues");
        assertRefused(("WEBVTT\n\n00:00.000 --> 00:04.000\n" + "同志们好").getBytes(java.nio.charset.Charset.forName("GBK")),
                "media.captions.not-utf8");
        assertRefused(new byte[3 * 1024 * 1024], "media.captions.too-large");
        assertThat(WebVtt.checked("WEBVTT - 第一讲\r\n\r\n00:00.000 --> 00:04.000\r\n好\r\n"
                .getBytes(StandardCharsets.UTF_8), MediaLibrary.MAX_CAPTIONS_BYTES)).isNotEmpty();
    }

    private static void assertRefused(byte[] file, String key) {
        assertThatThrownBy(() -> WebVtt.checked(file, MediaLibrary.MAX_CAPTIONS_BYTES))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
