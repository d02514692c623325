package org.yundangke.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The last segments of live streams kept in memory on each node: every viewer of a live talk asks for the same few
 * segments within seconds, and a segment never changes once written, so one read from the object store serves them
 * all (measured: BENCHMARKS.md, "Live viewers"). Least recently used out. A live playlist changes every 2 s; it is
 * kept for at most one second, which a player polling every 2 s cannot tell from reading the store each time.
 */
@Component
class LiveSegmentCache {

    /** A live segment's object name (media/&lt;id&gt;/hls/live/rtmp_00012.ts). */
    static final Pattern LIVE_SEGMENT = Pattern.compile("media/[0-9a-f-]{36}/" + Pattern.quote(LiveStreams.LIVE_DIR)
            + "[A-Za-z0-9_]+\\.ts");
    static final Pattern LIVE_PLAYLIST = Pattern.compile("media/[0-9a-f-]{36}/" + Pattern.quote(LiveStreams.LIVE_DIR)
            + "index\\.m3u8");
    static final long PLAYLIST_FRESH_NANOS = 1_000_000_000L;
    /** At most 64 × 2 MB per node; 2 s segments of a 1.5 Mbit/s stream are 375 KB. */
    static final int ENTRIES = 64;
    static final int LARGEST = 2 * 1024 * 1024;

    private final MediaObjects objects;
    private final Map<String, byte[]> segments = new LinkedHashMap<>(ENTRIES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > ENTRIES;
        }
    };

    private record Playlist(byte[] bytes, long readAt) {
    }

    private final Map<String, Playlist> playlists = new java.util.concurrent.ConcurrentHashMap<>();

    LiveSegmentCache(MediaObjects objects) {
        this.objects = objects;
    }

    /** Drops a finished stream's segments (its objects are deleted). */
    void forget(String prefix) {
        synchronized (segments) {
            segments.keySet().removeIf(object -> object.startsWith(prefix));
        }
        playlists.keySet().removeIf(object -> object.startsWith(prefix));
    }

    static boolean isLiveSegment(String object) {
        return LIVE_SEGMENT.matcher(object).matches();
    }

    static boolean isLivePlaylist(String object) {
        return LIVE_PLAYLIST.matcher(object).matches();
    }

    /** A live playlist as read from the store within the last second. */
    byte[] playlist(String object) {
        long now = System.nanoTime();
        Playlist kept = playlists.get(object);
        if (kept != null && now - kept.readAt() < PLAYLIST_FRESH_NANOS) {
            return kept.bytes();
        }
        try (var in = objects.read(object, 0, null)) {
            byte[] read = in.readAllBytes();
            playlists.put(object, new Playlist(read, now));
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A live segment's bytes, read once from the store (no separate look-up first); null when it is larger than
     * kept here. A missing object fails as the store says (the caller answers 404).
     */
    @Nullable byte[] get(String object) {
        synchronized (segments) {
            byte[] kept = segments.get(object);
            if (kept != null) {
                return kept;
            }
        }
        byte[] read;
        try (var in = objects.read(object, 0, null)) {
            read = in.readNBytes(LARGEST + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (read.length > LARGEST) {
            return null;
        }
        synchronized (segments) {
            segments.put(object, read);
        }
        return read;
    }
}
