package org.yundangke.catalogue;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yundangke.media.PlaybackPermission;
import org.yundangke.org.OrgDirectory;

/** A published lesson's talk may be watched by the lesson's audience: one query, on the caller's reach. */
@Component
class LessonAudiencePermission implements PlaybackPermission {

    private final LessonRepository lessons;
    private final OrgDirectory directory;

    LessonAudiencePermission(LessonRepository lessons, OrgDirectory directory) {
        this.lessons = lessons;
        this.directory = directory;
    }

    @Override
    public boolean mayPlay(UUID mediaId) {
        Reach reach = Reach.ofCaller(directory);
        return lessons.existsPublishedOfTalkFor(mediaId, reach.committees(), reach.branches());
    }
}
