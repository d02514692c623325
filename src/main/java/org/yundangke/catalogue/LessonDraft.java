package org.yundangke.catalogue;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What an editor fills in to make a lesson: of a talk ({@code mediaId}), or an article ({@code body} in Markdown, no
 * talk). No audience committees and no audience branches means everyone; a course puts the lesson at the end of that
 * series.
 */
public record LessonDraft(@Nullable UUID mediaId, String title, String speaker, String summary, String category,
                          Set<Long> audienceCommittees, Set<Long> audienceBranches, String tags, @Nullable UUID courseId,
                          @Nullable String body) {

    /** A lesson of a talk, in no course and without tags. */
    public LessonDraft(UUID mediaId, String title, String speaker, String summary, String category,
                       Set<Long> audienceCommittees) {
        this(mediaId, title, speaker, summary, category, audienceCommittees, Set.of(), "", null, null);
    }

    public LessonDraft inCourse(@Nullable UUID course) {
        return new LessonDraft(mediaId, title, speaker, summary, category, audienceCommittees, audienceBranches, tags,
                course, body);
    }

    /** The same lesson meant only for these branches (and the committees, if any). */
    public LessonDraft forBranches(Set<Long> branches) {
        return new LessonDraft(mediaId, title, speaker, summary, category, audienceCommittees, branches, tags, courseId,
                body);
    }

    /** The same lesson meant for these committees' subtrees (and the branches, if any). */
    public LessonDraft forCommittees(Set<Long> committees) {
        return new LessonDraft(mediaId, title, speaker, summary, category, committees, audienceBranches, tags,
                courseId, body);
    }

    /** The same fields as an article with this Markdown text instead of a talk. */
    public LessonDraft asArticle(String markdown) {
        return new LessonDraft(null, title, speaker, summary, category, audienceCommittees, audienceBranches, tags,
                courseId, markdown);
    }
}
