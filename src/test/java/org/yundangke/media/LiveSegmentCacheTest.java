package org.yundangke.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Live segments are read from the store once per node and then served from memory, until the stream is finished;
 * anything but a live segment is not kept.
 */
@SpringBootTest
@ActiveProfiles("test")
class LiveSegmentCacheTest {

    @Autowired
    LiveSegmentCache cache;

    @Autowired
    MediaObjects objects;

    @Test
    void a_live_segment_is_read_once_and_forgotten_with_its_stream() throws Exception {
        String prefix = "media/" + UUID.randomUUID() + "/";
        String segment = prefix + LiveStreams.LIVE_DIR + "rtmp_00001.ts";
        Path file = Files.createTempFile("segment", ".ts");
        Files.write(file, new byte[]{1, 2, 3});
        objects.put(segment, file, "video/mp2t");

        assertThat(cache.get(segment)).containsExactly(1, 2, 3);
        objects.deleteAll(prefix);
        assertThat(cache.get(segment)).as("served from memory, not read again").containsExactly(1, 2, 3);
        cache.forget(prefix);
        assertThatThrownBy(() -> cache.get(segment)).isInstanceOf(MediaObjects.ObjectStoreException.class);

        assertThat(LiveSegmentCache.isLiveSegment(segment)).isTrue();
        assertThat(LiveSegmentCache.isLiveSegment(prefix + "hls/720/seg_00001.ts")).as("a talk's segment").isFalse();
        assertThat(LiveSegmentCache.isLiveSegment(prefix + "original")).isFalse();
        assertThat(LiveSegmentCache.isLivePlaylist(prefix + LiveStreams.LIVE_DIR + "index.m3u8")).isTrue();
    }
}
