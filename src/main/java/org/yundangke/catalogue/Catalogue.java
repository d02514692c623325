package org.yundangke.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.UserError;
import org.yundangke.media.MediaInfo;
import org.yundangke.media.MediaKind;
import org.yundangke.media.MediaLibrary;
import org.yundangke.media.MediaState;
import org.yundangke.org.CommitteeInfo;
import org.yundangke.org.OrgDirectory;

/**
 * Lessons as editors make them (a lecturer their own, an admin those of their area) and as members find them: only
 * published ones, only those meant for them. Every check happens here, whatever a view shows.
 */
@Service
public class Catalogue {

    static final int MAX_ARTICLE_CHARS = 100_000;

    private final LessonRepository lessons;
    private final CourseRepository courses;
    private final ArticleImages images;
    private final MediaLibrary media;
    private final OrgDirectory directory;
    private final JdbcTemplate jdbc;
    private final int readingCharsPerMinute;
    private final StudyCalendar calendar;

    Catalogue(LessonRepository lessons, CourseRepository courses, ArticleImages images, MediaLibrary media,
              OrgDirectory directory, JdbcTemplate jdbc, CatalogueProperties properties, StudyCalendar calendar) {
        this.calendar = calendar;
        this.lessons = lessons;
        this.courses = courses;
        this.images = images;
        this.media = media;
        this.directory = directory;
        this.jdbc = jdbc;
        this.readingCharsPerMinute = properties.readingCharsPerMinute();
    }

    /**
     * A draft lesson: of one of the editor's ready talks, or an article (Markdown, with pictures uploaded through
     * {@link ArticleImages}); in a course, it goes last. Members see it once published.
     */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    @Transactional
    public LessonInfo createDraft(LessonDraft draft) {
        require(!draft.title().isBlank() && draft.title().length() <= 200, "lesson.invalid.title");
        require(!draft.speaker().isBlank() && draft.speaker().length() <= 100, "lesson.invalid.speaker");
        require(!draft.category().isBlank() && draft.category().length() <= 50, "lesson.invalid.category");
        require(draft.summary().length() <= 2000, "lesson.invalid.summary");
        require(draft.tags().length() <= 200, "lesson.invalid.tags");
        LessonDraft aimed = aimed(draft, editorScope());
        Integer position = draft.courseId() == null ? null
                : lessons.lastPositionIn(editableCourse(draft.courseId()).getId()) + 1;
        Lesson lesson = draft.mediaId() == null ? article(aimed, position) : talk(aimed, position);
        lessons.saveAndFlush(lesson); // the pictures' rows point at it
        images.attach(lesson.getId(), draft.body());
        return lesson.toInfo();
    }

    /**
     * The audience as it may be: a city or county admin aims only inside their subtree, and a lesson of theirs with
     * no audience chosen goes to their own committee's subtree; only a province admin (or a lecturer of the province's
     * mobile Party school) publishes to everyone.
     */
    private LessonDraft aimed(LessonDraft draft, EditorScope scope) {
        if (scope.everything() || !CurrentUser.isAdmin()) {
            return draft;
        }
        if (draft.audienceCommittees().isEmpty() && draft.audienceBranches().isEmpty()) {
            return draft.forCommittees(Set.of(scope.ownCommittee()));
        }
        if (!scope.committees().containsAll(draft.audienceCommittees())
                || !scope.branches().containsAll(draft.audienceBranches())) {
            throw new AccessDeniedException(scope.username() + " may not aim a lesson outside their area");
        }
        return draft;
    }

    private Lesson talk(LessonDraft draft, @Nullable Integer position) {
        MediaInfo talk = media.get(Objects.requireNonNull(draft.mediaId())); // refuses a talk the editor may not manage
        if (talk.state() != MediaState.READY || talk.durationSeconds() == null) {
            throw new UserError("lesson.talk.not-ready");
        }
        LessonKind kind = talk.kind() == MediaKind.AUDIO ? LessonKind.AUDIO : LessonKind.VIDEO;
        return new Lesson(draft, kind, talk.durationSeconds(), CurrentUser.name(), position, calendar.now());
    }

    private Lesson article(LessonDraft draft, @Nullable Integer position) {
        String body = draft.body() == null ? "" : draft.body();
        if (body.isBlank()) {
            throw new UserError("lesson.article.empty");
        }
        if (body.length() > MAX_ARTICLE_CHARS) {
            throw new UserError("lesson.article.too-long", MAX_ARTICLE_CHARS);
        }
        return new Lesson(draft, LessonKind.ARTICLE, readingSeconds(body), CurrentUser.name(), position,
                calendar.now());
    }

    /**
     * How long reading an article takes, which is also how long a member must have it open (or have it read aloud)
     * to complete it: its characters at the configured pace (300 a minute, about the pace of the speech voice), at
     * least a minute. Markdown marks and picture addresses do not count.
     */
    double readingSeconds(String markdown) {
        String text = ArticleText.plain(markdown);
        long characters = text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        return Math.max(60, Math.ceil(characters * 60.0 / readingCharsPerMinute));
    }

    /** A course (专题) lessons can be put into, in order. */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    @Transactional
    public CourseInfo createCourse(String title, String summary) {
        require(!title.isBlank() && title.length() <= 200, "course.invalid.title");
        require(summary.length() <= 2000, "course.invalid.summary");
        return courses.save(new Course(title, summary, CurrentUser.name(), calendar.now())).toInfo();
    }

    /** The courses an editor may add lessons to: a lecturer their own, an admin all. */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<CourseInfo> editorsCourses() {
        List<Course> found = CurrentUser.isAdmin() ? courses.findAllByOrderByTitle()
                : courses.findByOwnerUsernameOrderByTitle(CurrentUser.name());
        return found.stream().map(Course::toInfo).toList();
    }

    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    @Transactional
    public void publish(UUID lessonId) {
        editable(lessonId).publish(calendar.now());
    }

    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    @Transactional
    public void archive(UUID lessonId) {
        editable(lessonId).archive();
    }

    /**
     * The lessons an editor looks after: a lecturer their own; an admin their own and those aimed inside their
     * subtree; a province admin all.
     */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    @Transactional(readOnly = true)
    public Page<LessonInfo> editorsList(Pageable page) {
        EditorScope scope = editorScope();
        Page<Lesson> found = scope.everything() ? lessons.findAll(page)
                : CurrentUser.isAdmin() ? lessons.findManagedWithin(scope.username(), scope.committees(),
                        scope.branches(), page)
                : lessons.findByOwnerUsername(scope.username(), page);
        return found.map(Lesson::toInfo);
    }

    /** Published lessons meant for the caller, newest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Page<LessonInfo> forMe(Pageable page) {
        return forMe(null, page);
    }

    /** Published lessons meant for the caller in one category ({@code null}: all), newest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Page<LessonInfo> forMe(@Nullable String category, Pageable page) {
        Reach reach = reach();
        return lessons.findPublishedFor(reach.committees(), reach.branches(), category, page).map(Lesson::toInfo);
    }

    /** Lessons meant for the caller published in the last seven days, newest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<LessonInfo> newThisWeek(int max) {
        Instant since = calendar.now().minus(Duration.ofDays(7));
        Reach reach = reach();
        return lessons.findPublishedSince(reach.committees(), reach.branches(), since, PageRequest.of(0, max)).stream()
                .map(Lesson::toInfo).toList();
    }

    /** The categories that hold at least one lesson meant for the caller. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<String> categoriesForMe() {
        Reach reach = reach();
        return lessons.findCategoriesFor(reach.committees(), reach.branches());
    }

    /**
     * The categories an editor may pick from, {@code starting} ones (the bundle's, in the editor's language) first,
     * then every other category lessons have; an editor may still type a new one.
     */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<String> categorySuggestions(List<String> starting) {
        Set<String> all = new LinkedHashSet<>(starting);
        all.addAll(lessons.findCategoriesInUse());
        return List.copyOf(all);
    }

    /** Courses with at least one lesson meant for the caller. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<CourseInfo> coursesForMe() {
        Reach reach = reach();
        return courses.findWithLessonsFor(reach.committees(), reach.branches()).stream().map(Course::toInfo).toList();
    }

    /** A course and its lessons meant for the caller, in the course's order; refused when none is. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public CourseLessons course(UUID courseId) {
        Course course = courses.findById(courseId).orElseThrow(() -> new AccessDeniedException("no course " + courseId));
        Reach reach = reach();
        List<LessonInfo> meant = lessons.findPublishedInCourseFor(courseId, reach.committees(), reach.branches())
                .stream().map(Lesson::toInfo).toList();
        if (meant.isEmpty()) {
            throw new AccessDeniedException(CurrentUser.name() + " has no lesson in course " + courseId);
        }
        return new CourseLessons(course.toInfo(), meant);
    }

    /**
     * Many courses and lessons at once (a branch's assignments), in two reads: each course with its lessons meant for
     * the caller, and each lesson meant for the caller; what is not meant for the caller (or not published) is left
     * out.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Meant meantForCaller(Collection<UUID> courseIds, Collection<UUID> lessonIds) {
        if (courseIds.isEmpty() && lessonIds.isEmpty()) {
            return new Meant(Map.of(), Map.of());
        }
        Reach reach = reach();
        List<Lesson> found = lessons.findPublishedAmongFor(orNone(lessonIds), orNone(courseIds), reach.committees(),
                reach.branches());
        Map<UUID, LessonInfo> single = new HashMap<>();
        Map<UUID, List<LessonInfo>> inCourse = new HashMap<>();
        for (Lesson lesson : found) {
            LessonInfo info = lesson.toInfo();
            if (lessonIds.contains(info.id())) {
                single.put(info.id(), info);
            }
            if (info.courseId() != null && courseIds.contains(info.courseId())) {
                inCourse.computeIfAbsent(info.courseId(), c -> new ArrayList<>()).add(info);
            }
        }
        Map<UUID, CourseLessons> meantCourses = new HashMap<>();
        if (!inCourse.isEmpty()) {
            courses.findAllById(inCourse.keySet()).forEach(c -> meantCourses.put(c.getId(),
                    new CourseLessons(c.toInfo(), List.copyOf(inCourse.get(c.getId())))));
        }
        return new Meant(meantCourses, single);
    }

    /** What {@link #meantForCaller} found. */
    public record Meant(Map<UUID, CourseLessons> courses, Map<UUID, LessonInfo> lessons) {
    }

    /** JPQL's "in" wants at least one value: an id no row has stands for none. */
    private static Collection<UUID> orNone(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of(new UUID(0, 0)) : ids;
    }

    /** A course with the lessons of it the caller may take, in order. */
    public record CourseLessons(CourseInfo course, List<LessonInfo> lessons) {
    }

    /** One lesson, if the caller may see it: published and meant for them, or theirs to edit. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public LessonInfo open(UUID lessonId) {
        Lesson lesson = lessons.findById(lessonId).orElseThrow(() -> new AccessDeniedException("no lesson " + lessonId));
        boolean audience = lesson.getState() == LessonState.PUBLISHED && lesson.reaches(reach());
        if (!audience && !editorScope().manages(lesson)) {
            throw new AccessDeniedException(CurrentUser.name() + " may not open lesson " + lessonId);
        }
        return lesson.toInfo();
    }

    /** {@link #open}, as the token a study page hands on to the start of study time. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public OpenedLesson openForStudy(UUID lessonId) {
        return new OpenedLesson(open(lessonId));
    }

    /** Whether the lesson is published and meant for the caller (what a progress report needs, every time). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public boolean isOpenToCaller(UUID lessonId) {
        return lessons.findById(lessonId).map(Lesson::toInfo).filter(this::isMeantForCaller).isPresent();
    }

    /** Whether a lesson already read (by {@link #open}) is published and meant for the caller: no database read. */
    @PreAuthorize("isAuthenticated()")
    public boolean isMeantForCaller(LessonInfo lesson) {
        return lesson.state() == LessonState.PUBLISHED
                && reach().covers(lesson.everyone(), lesson.audienceCommittees(), lesson.audienceBranches());
    }

    /**
     * Which of these lessons are published (for anyone): one read by primary keys, for a batch of progress reports
     * between full audience checks. Plain SQL and no transaction of its own (it runs inside the reports'): this runs
     * for every member studying, and through a JPA query or a transaction interceptor the reports were measurably
     * slower (BENCHMARKS.md).
     */
    @PreAuthorize("isAuthenticated()")
    public Set<UUID> publishedAmong(Collection<UUID> lessonIds) {
        // one array, not a list of marks: the same statement for every batch, planned once
        return Set.copyOf(jdbc.queryForList("select id from lesson where state = 'PUBLISHED' and id = any(?)",
                UUID.class, (Object) lessonIds.toArray(UUID[]::new)));
    }

    /** A lesson's title whatever its state (for a completion recorded just as the lesson was taken down). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public String title(UUID lessonId) {
        return lessons.findById(lessonId).map(l -> l.toInfo().title()).orElse("");
    }

    private Course editableCourse(UUID courseId) {
        Course course = courses.findById(courseId).orElseThrow(() -> new AccessDeniedException("no course " + courseId));
        if (!CurrentUser.isAdmin() && !course.getOwnerUsername().equals(CurrentUser.name())) {
            throw new AccessDeniedException(CurrentUser.name() + " may not edit course " + courseId);
        }
        return course;
    }

    private Lesson editable(UUID lessonId) {
        Lesson lesson = lessons.findById(lessonId).orElseThrow(() -> new AccessDeniedException("no lesson " + lessonId));
        if (!editorScope().manages(lesson)) {
            throw new AccessDeniedException(CurrentUser.name() + " may not edit lesson " + lessonId);
        }
        return lesson;
    }

    /**
     * The lessons the caller may manage: everything for a province admin; otherwise their own, and for an admin those
     * aimed only inside their subtree ({@code committees} and {@code branches} hold {@link Reach#NONE} too).
     */
    private record EditorScope(String username, boolean everything, Set<Long> committees, Set<Long> branches,
                               long ownCommittee) {

        boolean manages(Lesson lesson) {
            return everything || lesson.getOwnerUsername().equals(username)
                    || lesson.liesWithin(committees, branches);
        }
    }

    private EditorScope editorScope() {
        String me = CurrentUser.name();
        if (!CurrentUser.isAdmin()) {
            return new EditorScope(me, false, Set.of(), Set.of(), Reach.NONE);
        }
        if (directory.administersProvince()) {
            return new EditorScope(me, true, Set.of(), Set.of(), Reach.NONE);
        }
        List<CommitteeInfo> committees = directory.committeesInScope(); // their own committee first
        Reach area = Reach.of(committees.stream().map(CommitteeInfo::id).collect(Collectors.toSet()),
                directory.branchIdsInScope());
        return new EditorScope(me, false, area.committees(), area.branches(),
                committees.isEmpty() ? Reach.NONE : committees.getFirst().id());
    }

    /** The caller's committees and branches, for the audience checks. */
    private Reach reach() {
        return Reach.ofCaller(directory);
    }

    private static void require(boolean valid, String messageKey) {
        if (!valid) {
            throw new UserError(messageKey);
        }
    }

}
