package org.yundangke.catalogue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jobrunr.jobs.annotations.Recurring;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.UserError;
import org.yundangke.base.storage.ObjectBytes;
import org.yundangke.base.storage.ObjectStoreProperties;

/**
 * Pictures in articles. An editor uploads one while writing and gets its address to put in the Markdown; saving the
 * article attaches the pictures it names. Pictures no saved article uses are removed after a day.
 */
@Service
public class ArticleImages {

    public static final String URL_PREFIX = "/api/article-images/";
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    static final Pattern NAMED = Pattern.compile(Pattern.quote(URL_PREFIX)
            + "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.(?:jpg|png|gif|webp))");

    /** A stored picture and who may see it: its uploader until an article uses it, then that article's audience. */
    record Stored(String name, String ownerUsername, @Nullable UUID lessonId, String contentType) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectBytes objects;
    private final String bucket;
    private final StudyCalendar calendar;

    ArticleImages(JdbcTemplate jdbc, ObjectBytes objects, ObjectStoreProperties store, StudyCalendar calendar) {
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.objects = objects;
        this.bucket = store.mediaBucket();
    }

    /** Stores a picture (JPEG, PNG, GIF or WebP, at most 5 MB) and returns the address to use in the article. */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    public String upload(byte[] data) {
        if (data.length > MAX_BYTES) {
            throw new UserError("lesson.image.too-large", MAX_BYTES / 1024 / 1024);
        }
        String type = ObjectBytes.imageType(data);
        if (type == null) {
            throw new UserError("lesson.image.not-image");
        }
        String name = UUID.randomUUID() + "." + ObjectBytes.extension(type);
        jdbc.update("insert into article_image (name, owner_username, uploaded_at) values (?, ?, ?)", name,
                CurrentUser.name(), Timestamp.from(calendar.now()));
        try {
            objects.put(bucket, object(name), data, type);
        } catch (RuntimeException e) {
            jdbc.update("delete from article_image where name = ?", name);
            throw e;
        }
        return URL_PREFIX + name;
    }

    /** Marks the caller's pictures the article names as the article's (inside the caller's transaction). */
    void attach(UUID lessonId, @Nullable String markdown) {
        if (markdown == null) {
            return;
        }
        Matcher named = NAMED.matcher(markdown);
        while (named.find()) {
            jdbc.update("update article_image set lesson_id = ? where name = ? and lesson_id is null"
                    + " and (owner_username = ? or ?)", lessonId, named.group(1), CurrentUser.name(),
                    CurrentUser.isAdmin());
        }
    }

    Optional<Stored> find(String name) {
        List<Map<String, Object>> rows = jdbc.queryForList("select owner_username, lesson_id from article_image"
                + " where name = ?", name);
        return rows.stream().findFirst().map(row -> new Stored(name, (String) row.get("owner_username"),
                (UUID) row.get("lesson_id"), ObjectBytes.imageTypeOf(name)));
    }

    byte[] read(String name) {
        return objects.read(bucket, object(name));
    }

    /** Pictures uploaded over a day ago that no saved article uses: the editor gave up on the article. */
    @Recurring(id = "remove-unused-article-images", cron = "41 * * * *")
    public int removeUnused() {
        return removeUnusedSince(calendar.now().minus(Duration.ofDays(1)));
    }

    int removeUnusedSince(Instant cutoff) {
        List<String> unused = jdbc.queryForList("select name from article_image where lesson_id is null"
                + " and uploaded_at < ?", String.class, Timestamp.from(cutoff));
        int removed = 0;
        for (String name : unused) {
            // an article saved a moment ago may have claimed it: only a row still unused goes, then its object
            if (jdbc.update("delete from article_image where name = ? and lesson_id is null", name) == 1) {
                objects.delete(bucket, object(name));
                removed++;
            }
        }
        return removed;
    }

    private static String object(String name) {
        return "articles/" + name;
    }
}
