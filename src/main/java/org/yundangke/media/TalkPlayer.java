package org.yundangke.media;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JavaScript;
import java.util.UUID;

/**
 * Plays a talk: hls.js (vendored in {@code frontend/player}) inside {@code <ydk-player>}, Safari's own HLS as the
 * fallback. The playback URL expires within minutes; the element renews its token here while it plays.
 */
@Tag("ydk-player")
@JavaScript("context://ydk/player/hls.min.js")
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
    }

    @ClientCallable
    String renewToken() {
        return library.renewToken(mediaId);
    }
}
