package org.yundangke.quiz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonInfo;

/**
 * On an empty bank, the demo lecturer's work of a first day: a bank of questions on Party history, the Party
 * constitution and retiree policy (read from the bank's own row format), a test after the first demo lesson, a
 * topical test on the constitution and a practice on Party history. Never in {@code prod}.
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "yundangke.demo-quizzes", havingValue = "true")
@Order(2)
class DemoQuestions implements ApplicationRunner {

    static final String LESSON_TEST = "《光辉历程（一）》课后测验";
    static final String TOPICAL_TEST = "党章知识测验";
    static final String PRACTICE = "党史知识练习";
    private static final Logger log = LoggerFactory.getLogger(DemoQuestions.class);
    private static final String LECTURER = "lecturer";

    private final QuestionBank bank;
    private final Quizzes quizzes;
    private final Catalogue catalogue;
    private final JdbcTemplate jdbc;
    private final SecurityContextHolderStrategy security;

    DemoQuestions(QuestionBank bank, Quizzes quizzes, Catalogue catalogue, JdbcTemplate jdbc,
                  ObjectProvider<SecurityContextHolderStrategy> security) {
        this.security = security.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
        this.bank = bank;
        this.quizzes = quizzes;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Integer questions = jdbc.queryForObject("select count(*) from question", Integer.class);
        if (questions == null || questions > 0) {
            return;
        }
        security.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                LECTURER, null, AuthorityUtils.createAuthorityList("ROLE_LECTURER")));
        try {
            seed();
        } finally {
            security.clearContext();
        }
    }

    private void seed() {
        List<String> lines = read().lines().skip(1).filter(l -> !l.isBlank()).toList();
        List<Question> made = lines.stream().map(line -> QuestionRows.parse(Arrays.asList(line.split("\t", -1))))
                .map(parsed -> bank.create(Objects.requireNonNull(parsed.draft(), "demo row")))
                .toList();
        Optional<UUID> lesson = catalogue.editorsList(PageRequest.of(0, 50)).stream()
                .filter(l -> l.title().startsWith("光辉历程（一）")).map(LessonInfo::id).findFirst();
        List<UUID> early = made.stream().filter(q -> q.content().categoryPath().equals("党史/新民主主义革命时期"))
                .limit(5).map(Question::id).toList();
        publish(new QuizDraft(LESSON_TEST, QuizKind.TEST, "学完《光辉历程（一）》后做一做，五道题，不限时间，可以多次作答。",
                lesson.orElse(null), early, List.of(), 60, null, null, true));
        publish(new QuizDraft(TOPICAL_TEST, QuizKind.TEST, "从党章题库中随机抽十道题，六十分及格，不限时间。", null,
                List.of(), List.of(new QuizDraft.DrawRule("党章", null, 10)), 60, null, null, true));
        publish(new QuizDraft(PRACTICE, QuizKind.PRACTICE, "每答一题就告诉您对错和解析，不计分，随时可以再练。", null,
                List.of(), List.of(new QuizDraft.DrawRule("党史", null, 10)), 0, null, null, true));
        log.info("Demo quizzes published: {} questions, two tests and a practice", made.size());
    }

    private void publish(QuizDraft draft) {
        quizzes.publish(quizzes.create(draft).id());
    }

    private static String read() {
        try {
            return new ClassPathResource("demo/questions.tsv").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
