package org.yundangke.quiz;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.UserError;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The question bank that lecturers and admins share: questions in a category tree, each edit a new version so that
 * past attempts keep the question they were asked. Members never read the bank; they get questions through
 * {@link Attempts}, without keys.
 */
@Service
@Transactional(readOnly = true)
public class QuestionBank {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Integer>> INTEGERS = new TypeReference<>() {
    };
    static final String VERSION_COLUMNS = "v.question_id, v.version, v.type, v.stem, v.options, v.answer_key,"
            + " v.explanation, v.score, v.difficulty, v.tags, c.path, q.lesson_id";
    private static final String CURRENT = " from question q join question_version v on v.question_id = q.id"
            + " and v.version = q.version join quiz_category c on c.id = q.category_id";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final StudyCalendar calendar;

    QuestionBank(JdbcTemplate jdbc, StudyCalendar calendar) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.calendar = calendar;
    }

    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    @Transactional
    public Question create(QuestionDraft draft) {
        check(draft);
        UUID id = UUID.randomUUID();
        jdbc.update("insert into question (id, version, category_id, lesson_id, created_by, created_at)"
                + " values (?, 1, ?, ?, ?, ?)", id, categoryId(draft.categoryPath()), draft.lessonId(),
                CurrentUser.name(), Timestamp.from(calendar.now()));
        insertVersion(id, 1, draft);
        return new Question(id, 1, draft);
    }

    /** A new version; attempts already given the question keep theirs. */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    @Transactional
    public Question edit(UUID id, QuestionDraft draft) {
        check(draft);
        Integer version = jdbc.query("select version from question where id = ? and not retired for update",
                (rs, n) -> rs.getInt(1), id).stream().findFirst()
                .orElseThrow(() -> new UserError("question.not-found"));
        jdbc.update("update question set version = ?, category_id = ?, lesson_id = ? where id = ?", version + 1,
                categoryId(draft.categoryPath()), draft.lessonId(), id);
        insertVersion(id, version + 1, draft);
        return new Question(id, version + 1, draft);
    }

    /** Out of the bank for new quizzes and draws; past attempts keep it. */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    @Transactional
    public void retire(UUID id) {
        jdbc.update("update question set retired = true where id = ?", id);
    }

    /** A page of the bank, newest first: stem, tags or category containing the words (all of it when blank). */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    public List<Question> search(String words, int offset, int limit) {
        return named.query("select " + VERSION_COLUMNS + CURRENT + where(words)
                + " order by q.created_at desc, q.id limit :limit offset :offset",
                Map.of("words", like(words), "limit", limit, "offset", offset), QuestionBank::question);
    }

    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    public int count(String words) {
        Integer n = named.queryForObject("select count(*)" + CURRENT + where(words), Map.of("words", like(words)),
                Integer.class);
        return n == null ? 0 : n;
    }

    /** Category paths in order, for choosing one. */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    public List<String> categories() {
        return jdbc.queryForList("select path from quiz_category order by path", String.class);
    }

    /** The versions attempts were given, with their keys, for grading and review: one read for all of them. */
    Map<VersionKey, QuestionDraft> versions(Collection<VersionKey> keys) {
        Map<VersionKey, QuestionDraft> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        Set<VersionKey> wanted = Set.copyOf(keys);
        named.query("select " + VERSION_COLUMNS + " from question_version v join question q on q.id = v.question_id"
                + " join quiz_category c on c.id = q.category_id where v.question_id in (:ids)",
                Map.of("ids", wanted.stream().map(VersionKey::questionId).distinct().toList()), rs -> {
                    VersionKey key = new VersionKey(rs.getObject("question_id", UUID.class), rs.getInt("version"));
                    if (wanted.contains(key)) {
                        found.put(key, question(rs, 0).content());
                    }
                });
        return found;
    }

    /** The version new attempts get of each of these questions. */
    List<VersionKey> currentVersions(List<UUID> questionIds) {
        Map<UUID, Integer> versions = new HashMap<>();
        named.query("select id, version from question where id in (:ids)", Map.of("ids", questionIds),
                rs -> {
                    versions.put(rs.getObject("id", UUID.class), rs.getInt("version"));
                });
        return questionIds.stream().map(id -> new VersionKey(id, versions.get(id))).toList();
    }

    /** The category of this path, made with its parents when new. */
    long categoryId(String path) {
        Long parent = null;
        StringBuilder sofar = new StringBuilder();
        for (String name : path.split("/")) {
            sofar.append(sofar.isEmpty() ? "" : "/").append(name.strip());
            String at = sofar.toString();
            List<Long> existing = jdbc.queryForList("select id from quiz_category where path = ?", Long.class, at);
            if (existing.isEmpty()) {
                jdbc.update("insert into quiz_category (parent_id, name, path) values (?, ?, ?)", parent, name.strip(),
                        at);
                existing = jdbc.queryForList("select id from quiz_category where path = ?", Long.class, at);
            }
            parent = existing.getFirst();
        }
        return parent;
    }

    static final String INSERT_VERSION = "insert into question_version (question_id, version, type, stem, options,"
            + " answer_key, explanation, score, difficulty, tags, fingerprint, changed_by, changed_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private void insertVersion(UUID id, int version, QuestionDraft draft) {
        jdbc.update(INSERT_VERSION, versionRow(id, version, draft, CurrentUser.name(), Timestamp.from(calendar.now())));
    }

    static Object[] versionRow(UUID id, int version, QuestionDraft draft, String user, Timestamp at) {
        return new Object[]{id, version, draft.type().name(), draft.stem(), JSON.writeValueAsString(draft.options()),
            JSON.writeValueAsString(draft.key()), draft.explanation(), draft.score(), draft.difficulty(),
            String.join("|", draft.tags()), fingerprint(draft.stem()), user, at};
    }

    /** The fingerprints of every question in the bank, for finding duplicates in an import. */
    Set<String> fingerprints() {
        return new HashSet<>(jdbc.queryForList("select v.fingerprint from question q join question_version v"
                + " on v.question_id = q.id and v.version = q.version where not q.retired", String.class));
    }

    private static void check(QuestionDraft draft) {
        List<QuestionDraft.Problem> problems = draft.problems();
        if (!problems.isEmpty()) {
            throw new UserError(problems.getFirst().messageKey(), problems.getFirst().args());
        }
    }

    private static String where(String words) {
        return " where not q.retired" + (words.isBlank() ? ""
                : " and (lower(v.stem) like :words or lower(v.tags) like :words or lower(c.path) like :words)");
    }

    private static String like(String words) {
        return "%" + words.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The stem without spaces and punctuation, widths and case folded: what "the same question" means. */
    static String fingerprint(String stem) {
        return Grading.normalised(stem).replaceAll("[\\p{P}\\p{S}\\s]", "");
    }

    static Question question(ResultSet rs, int row) throws SQLException {
        String tags = rs.getString("tags");
        QuestionDraft draft = new QuestionDraft(QuestionType.valueOf(rs.getString("type")), rs.getString("stem"),
                strings(rs.getString("options")), strings(rs.getString("answer_key")), rs.getString("explanation"),
                rs.getBigDecimal("score").stripTrailingZeros().setScale(1), rs.getInt("difficulty"),
                rs.getString("path"), tags.isEmpty() ? List.of() : Arrays.asList(tags.split("\\|")),
                rs.getObject("lesson_id", UUID.class));
        return new Question(rs.getObject("question_id", UUID.class), rs.getInt("version"), draft);
    }

    static List<String> strings(String json) {
        return JSON.readValue(json, STRINGS);
    }

    static List<Integer> integers(String json) {
        return JSON.readValue(json, INTEGERS);
    }

    /** One version of one question. */
    record VersionKey(UUID questionId, int version) {
    }

    static BigDecimal sum(Collection<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
