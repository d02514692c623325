package org.yundangke.media;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays a talk: hls.js (vendored in {@code frontend/player}) inside {@code <ydk-player>}, Safari's own HLS as the
 * fallback. The playback URL expires within minutes; the element renews its token here while it plays.
 */
@Tag("ydk-player")
@JavaScript("context://ydk/player/hls.min.js")
@JavaScript("context://ydk/player/ydk-report.js")
@JavaScript("context://ydk/player/ydk-player.js")
public class TalkPlayer extends Component implements HasSize {

    private final transient MediaLibrary library;
    private final UUID mediaId;

    public TalkPlayer(MediaLibrary library, MediaLibrary.PlaybackSource source) {
        this.library = library;
        this.mediaId = source.mediaId();
        getElement().setAttribute("src", source.masterUrl());
        getElement().setAttribute("poster", source.kind() == MediaKind.VIDEO ? source.posterUrl() : "");
        getElement().setAttribute("kind", source.kind().name());
        getElement().setAttribute("aria-label", getTranslation("media.player"));
        getElement().setAttribute("labels", JsonMapper.builder().build().writeValueAsString(Map.of(
                "toolbar", getTranslation("media.player.tools"), "speed", getTranslation("media.player.speed"),
                "play", getTranslation("media.player.play"), "pause", getTranslation("media.player.pause"),
                "audioOnly", getTranslation("media.player.audio-only"),
                "captions", getTranslation("media.player.captions"),
                "speeds", List.of(getTranslation("media.player.speed.slower"),
                        getTranslation("media.player.speed.normal"), getTranslation("media.player.speed.faster"),
                        getTranslation("media.player.speed.fastest")))));
        if (source.captionsUrl() != null) {
            getElement().setAttribute("captions", source.captionsUrl());
        }
        if (source.kind() == MediaKind.VIDEO && source.audioOnlyPlaylist() != null) {
            getElement().setAttribute("audio-only", source.audioOnlyPlaylist());
        }
    }

    /** Starts playback at this position (a member resuming where they left off, on any device). */
    public TalkPlayer startAt(double seconds) {
        getElement().setAttribute("start-at", String.valueOf(seconds));
        return this;
    }

    /**
     * Has the element report the spans it actually plays to {@code url} (JSON {@code {lessonId, spans, position}})
     * every ~12 s, and by beacon when the page is hidden or closed.
     */
    public TalkPlayer reportPlayedTo(String url, String lessonId) {
        getElement().setAttribute("report-url", url);
        getElement().setAttribute("report-key", lessonId);
        return this;
    }

    /** Has the element post to {@code url} every ~10 s while a live stream plays on a visible page. */
    public TalkPlayer reportPresenceTo(String url) {
        getElement().setAttribute("presence-url", url);
        return this;
    }

    @ClientCallable
    String renewToken() {
        return library.renewToken(mediaId);
    }
}
