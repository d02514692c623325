package org.yundangke.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.StudyCalendar;

/**
 * On an empty catalogue, a first-day demo: a two-part course (专题) of articles on Party history and an article on
 * studying by phone, published for everyone by the demo lecturer, so a member's home is not empty before any talk is
 * uploaded. Never in {@code prod}.
 */
@Component
@Profile("!prod")
@ConditionalOnProperty(name = "yundangke.demo-lessons", havingValue = "true")
@Order(1)
class DemoLessons implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLessons.class);
    private static final String LECTURER = "lecturer";
    private static final String SPEAKER = "省委老干部局宣讲团";

    private final LessonRepository lessons;
    private final CourseRepository courses;
    private final Catalogue catalogue;
    private final StudyCalendar calendar;

    DemoLessons(LessonRepository lessons, CourseRepository courses, Catalogue catalogue, StudyCalendar calendar) {
        this.calendar = calendar;
        this.lessons = lessons;
        this.courses = courses;
        this.catalogue = catalogue;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (lessons.count() > 0 || courses.count() > 0) {
            return;
        }
        Course history = courses.save(new Course("中国共产党的光辉历程",
                "两讲图文，回顾党从南湖红船到新时代的奋斗历程。可以让手机朗读给您听。", LECTURER, calendar.now()));
        article("光辉历程（一）：开天辟地", "党的创立、长征与抗战。", "党史学习", "党史,红船精神,长征", history, 1,
                "history-1.md");
        article("光辉历程（二）：站起来、富起来、强起来", "新中国成立、改革开放与新时代。", "党史学习",
                "党史,改革开放,新时代", history, 2, "history-2.md");
        article("用手机学党课的三个小窍门", "字号调大、朗读、接着看：三个用法一看就会。", "健康生活", "手机,学习方法",
                null, null, "phone-study.md");
        log.info("Demo lessons published: one course of two articles, one single article");
    }

    private void article(String title, String summary, String category, String tags, @Nullable Course course,
                         @Nullable Integer position, String file) {
        String body = read(file);
        LessonDraft draft = new LessonDraft(null, title, SPEAKER, summary, category, Set.of(), Set.of(), tags,
                course == null ? null : course.getId(), body);
        Lesson lesson = new Lesson(draft, LessonKind.ARTICLE, catalogue.readingSeconds(body), LECTURER, position,
                calendar.now());
        lesson.publish(calendar.now());
        lessons.save(lesson);
    }

    private static String read(String file) {
        try {
            return new ClassPathResource("demo/" + file).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
