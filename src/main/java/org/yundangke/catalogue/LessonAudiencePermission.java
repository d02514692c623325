package org.yundangke.catalogue;

import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.yundangke.media.PlaybackPermission;

/** A published lesson's talk may be watched by the lesson's audience. */
@Component
class LessonAudiencePermission implements PlaybackPermission {

    private final Catalogue catalogue;

    // lazy: the catalogue needs the media library, which asks this permission
    LessonAudiencePermission(@Lazy Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public boolean mayPlay(UUID mediaId) {
        return catalogue.talkReachesCaller(mediaId);
    }
}
