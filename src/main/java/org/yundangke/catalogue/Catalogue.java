package org.yundangke.catalogue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yundangke.base.CurrentUser;
import org.yundangke.media.MediaInfo;
import org.yundangke.media.MediaKind;
import org.yundangke.media.MediaLibrary;
import org.yundangke.media.MediaState;
import org.yundangke.org.OrgDirectory;

/**
 * Lessons as editors make them (a lecturer their own, an admin any) and as members find them: only published ones,
 * only those meant for them. Every check happens here, whatever a view shows.
 */
@Service
public class Catalogue {

    /** Stands in for "no committee" in an audience query (SQL has no empty IN list). */
    private static final long NO_COMMITTEE = -1;

    private final LessonRepository lessons;
    private final MediaLibrary media;
    private final OrgDirectory directory;
    private final TransactionTemplate transaction;

    Catalogue(LessonRepository lessons, MediaLibrary media, OrgDirectory directory, TransactionTemplate transaction) {
        this.lessons = lessons;
        this.media = media;
        this.directory = directory;
        this.transaction = transaction;
    }

    /** A draft lesson from one of the editor's ready talks; members see it once published. */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    public LessonInfo createDraft(LessonDraft draft) {
        require(!draft.title().isBlank() && draft.title().length() <= 200, "title");
        require(!draft.speaker().isBlank() && draft.speaker().length() <= 100, "speaker");
        require(!draft.category().isBlank() && draft.category().length() <= 50, "category");
        require(draft.summary().length() <= 2000, "summary");
        MediaInfo talk = media.get(draft.mediaId()); // refuses a talk the editor may not manage
        if (talk.state() != MediaState.READY || talk.durationSeconds() == null) {
            throw new IllegalStateException("talk " + talk.id() + " is not ready to play");
        }
        LessonKind kind = talk.kind() == MediaKind.AUDIO ? LessonKind.AUDIO : LessonKind.VIDEO;
        return lessons.save(new Lesson(draft, kind, talk.durationSeconds(), CurrentUser.name())).toInfo();
    }

    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    public void publish(UUID lessonId) {
        transaction.executeWithoutResult(tx -> editable(lessonId).publish());
    }

    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    public void archive(UUID lessonId) {
        transaction.executeWithoutResult(tx -> editable(lessonId).archive());
    }

    /** The lessons an editor looks after: a lecturer their own, an admin all. */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    public Page<LessonInfo> editorsList(Pageable page) {
        return (CurrentUser.isAdmin() ? lessons.findAll(page) : lessons.findByOwnerUsername(CurrentUser.name(), page))
                .map(Lesson::toInfo);
    }

    /** Published lessons meant for the caller, newest first. */
    @PreAuthorize("isAuthenticated()")
    public Page<LessonInfo> forMe(Pageable page) {
        return lessons.findPublishedFor(committeeLineOrNone(), page).map(Lesson::toInfo);
    }

    /** One lesson, if the caller may see it: published and meant for them, or theirs to edit. */
    @PreAuthorize("isAuthenticated()")
    public LessonInfo open(UUID lessonId) {
        Lesson lesson = lessons.findById(lessonId).orElseThrow(() -> new AccessDeniedException("no lesson " + lessonId));
        boolean editor = CurrentUser.isAdmin() || lesson.getOwnerUsername().equals(CurrentUser.name());
        boolean audience = lesson.getState() == LessonState.PUBLISHED && lesson.reaches(directory.myCommitteeLine());
        if (!editor && !audience) {
            throw new AccessDeniedException(CurrentUser.name() + " may not open lesson " + lessonId);
        }
        return lesson.toInfo();
    }

    /** Whether the talk belongs to a published lesson meant for the caller (see {@link LessonAudiencePermission}). */
    boolean talkReachesCaller(UUID mediaId) {
        Set<Long> line = directory.myCommitteeLine();
        return lessons.findByMediaIdAndState(mediaId, LessonState.PUBLISHED).stream().anyMatch(l -> l.reaches(line));
    }

    private Lesson editable(UUID lessonId) {
        Lesson lesson = lessons.findById(lessonId).orElseThrow(() -> new AccessDeniedException("no lesson " + lessonId));
        if (!CurrentUser.isAdmin() && !lesson.getOwnerUsername().equals(CurrentUser.name())) {
            throw new AccessDeniedException(CurrentUser.name() + " may not edit lesson " + lessonId);
        }
        return lesson;
    }

    private Set<Long> committeeLineOrNone() {
        Set<Long> line = new HashSet<>(directory.myCommitteeLine());
        line.add(NO_COMMITTEE);
        return line;
    }

    private static void require(boolean valid, String field) {
        if (!valid) {
            throw new IllegalArgumentException("invalid " + field);
        }
    }

}
