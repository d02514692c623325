package org.yundangke.media;

import java.util.UUID;

/**
 * Lets another module say who may watch a talk beyond its uploader and admins: the catalogue grants a published
 * lesson's talk to the lesson's audience. Asked on the server whenever a playback token is issued.
 */
public interface PlaybackPermission {

    /** Whether the logged-in user may watch the talk. */
    boolean mayPlay(UUID mediaId);
}
