package org.yundangke.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Logins;
import org.yundangke.TestTalks;
import org.yundangke.base.UserError;
import org.yundangke.base.storage.ObjectBytes;

/** Courses keep their order, categories and "new this week" filter, articles get a reading time and pictures. */
@SpringBootTest
@ActiveProfiles("test")
class CoursesAndArticlesTest {

    /** A 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired
    Catalogue catalogue;

    @Autowired
    ArticleImages images;

    @Autowired
    ArticleImageController imageController;

    @Autowired
    ObjectBytes objects;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void a_course_shows_its_published_lessons_in_the_order_they_were_added() {
        logins.as("lecturer");
        CourseInfo course = catalogue.createCourse("党史专题 " + UUID.randomUUID(), "六讲");
        LessonInfo first = catalogue.createDraft(talkDraft("第一讲").inCourse(course.id()));
        LessonInfo second = catalogue.createDraft(talkDraft("第二讲").inCourse(course.id()));
        LessonInfo third = catalogue.createDraft(talkDraft("第三讲").inCourse(course.id()));
        assertThat(third.coursePosition()).isEqualTo(3);
        catalogue.publish(third.id());
        catalogue.publish(first.id());

        logins.as("member");
        assertThat(catalogue.coursesForMe()).extracting(CourseInfo::id).contains(course.id());
        assertThat(catalogue.course(course.id()).lessons()).extracting(LessonInfo::id)
                .as("the draft stays out; the order is the course's, not the publication's")
                .containsExactly(first.id(), third.id());
        assertThat(second.state()).isEqualTo(LessonState.DRAFT);
    }

    @Test
    void a_course_without_a_lesson_for_the_member_is_refused_and_not_listed() {
        logins.as("lecturer");
        CourseInfo course = catalogue.createCourse("尚未发布的专题 " + UUID.randomUUID(), "");
        catalogue.createDraft(talkDraft("草稿").inCourse(course.id()));

        logins.as("member");
        assertThat(catalogue.coursesForMe()).extracting(CourseInfo::id).doesNotContain(course.id());
        assertThatThrownBy(() -> catalogue.course(course.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_lecturer_cannot_add_to_another_lecturers_course() {
        logins.as("admin");
        CourseInfo adminsCourse = catalogue.createCourse("管理员的专题 " + UUID.randomUUID(), "");
        logins.as("lecturer");
        assertThatThrownBy(() -> catalogue.createDraft(talkDraft("插队").inCourse(adminsCourse.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(catalogue.editorsCourses()).extracting(CourseInfo::id).doesNotContain(adminsCourse.id());
    }

    @Test
    void a_lesson_for_chosen_branches_reaches_their_members_only_including_1_plus_2() {
        long seniorCollege = jdbc.queryForObject("select id from branch where name like '鼓楼区老年大学%'", Long.class);
        long ninghai = jdbc.queryForObject("select id from branch where name like '宁海路%'", Long.class);
        logins.as("admin");
        LessonInfo forCollege = publish(talkDraft("老年大学支部的课").forBranches(Set.of(seniorCollege)));
        LessonInfo forNinghai = publish(talkDraft("宁海路支部的课").forBranches(Set.of(ninghai)));
        assertThat(forCollege.everyone()).isFalse();

        logins.as("member"); // primary: finance; managed also by Meiyuan and the senior college
        assertThat(catalogue.forMe(Pageable.ofSize(500))).extracting(LessonInfo::id).contains(forCollege.id())
                .doesNotContain(forNinghai.id());
        assertThat(catalogue.open(forCollege.id()).title()).isEqualTo("老年大学支部的课");
        assertThatThrownBy(() -> catalogue.open(forNinghai.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void categories_filter_and_new_this_week_leaves_out_older_lessons() {
        String category = "测试分类" + UUID.randomUUID().toString().substring(0, 6);
        logins.as("lecturer");
        LessonInfo fresh = publish(new LessonDraft(talk(), "新课", "周宣讲", "", category, Set.of()));
        LessonInfo old = publish(new LessonDraft(talk(), "旧课", "周宣讲", "", category, Set.of()));
        LessonInfo elsewhere = publish(talkDraft("别的分类"));
        jdbc.update("update lesson set published_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(8))), old.id());

        logins.as("member");
        assertThat(catalogue.categoriesForMe()).contains(category, "党史学习");
        assertThat(catalogue.forMe(category, Pageable.ofSize(50))).extracting(LessonInfo::id)
                .containsExactly(fresh.id(), old.id());
        assertThat(catalogue.newThisWeek(500)).extracting(LessonInfo::id).contains(fresh.id(), elsewhere.id())
                .doesNotContain(old.id());
    }

    @Test
    void an_article_takes_its_reading_time_from_its_length_at_least_a_minute() {
        logins.as("lecturer");
        String words = "学".repeat(900); // 900 characters at 300 a minute
        LessonInfo article = catalogue.createDraft(talkDraft("长文").asArticle("# 标题\n\n" + words
                + "\n\n![](/api/article-images/x.png)"));
        assertThat(article.kind()).isEqualTo(LessonKind.ARTICLE);
        assertThat(article.mediaId()).isNull();
        assertThat(article.durationSeconds()).as("2 title characters + 900, marks and picture not counted")
                .isEqualTo(Math.ceil(902 * 60.0 / 300));
        LessonInfo shortOne = catalogue.createDraft(talkDraft("短文").asArticle("只有一句话。"));
        assertThat(shortOne.durationSeconds()).isEqualTo(60);
    }

    @Test
    void an_article_without_text_is_refused_with_a_message() {
        logins.as("lecturer");
        assertThatThrownBy(() -> catalogue.createDraft(talkDraft("空文").asArticle("  \n")))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("lesson.article.empty"));
    }

    @Test
    void pictures_are_checked_attached_to_the_article_that_uses_them_and_unused_ones_removed() {
        logins.as("lecturer");
        assertThatThrownBy(() -> images.upload("not a picture".getBytes()))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("lesson.image.not-image"));
        String used = images.upload(PNG);
        String abandoned = images.upload(PNG);
        LessonInfo article = catalogue.createDraft(talkDraft("有图的文章").asArticle("看图：\n\n![](" + used + ")"));
        catalogue.publish(article.id());

        logins.as("member");
        assertThat(imageController.image(name(used)).getBody()).isEqualTo(PNG);
        assertThatThrownBy(() -> imageController.image(name(abandoned)))
                .as("a picture in no article is only its uploader's").isInstanceOf(AccessDeniedException.class);

        images.removeUnusedSince(Instant.now().plusSeconds(1));
        assertThat(images.find(name(abandoned))).isEmpty();
        assertThatThrownBy(() -> objects.read("yundangke-media", "articles/" + name(abandoned)))
                .isInstanceOf(ObjectBytes.ObjectStoreUnavailableException.class);
        assertThat(imageController.image(name(used)).getBody()).as("the article's picture stays").isEqualTo(PNG);
    }

    @Test
    void plain_text_drops_markdown_marks_pictures_link_addresses_and_what_the_cleaning_removes() {
        String plain = ArticleText.plain("## 标题\n\n**一、把字调大。**[说明](http://x)\n\n![](/a.png)\n- 第一\n> 引用"
                + "\n\n<style>body{display:none}</style>\n\n<script>alert(1)</script>");
        assertThat(plain).startsWith("标题\n").contains("一、把字调大。说明", "\n第一\n引用")
                .doesNotContain("#", "*", "http", "png", "- ", ">", "\n\n\n", "display", "alert");
    }

    private LessonInfo publish(LessonDraft draft) {
        LessonInfo lesson = catalogue.createDraft(draft);
        catalogue.publish(lesson.id());
        return lesson;
    }

    private LessonDraft talkDraft(String title) {
        return new LessonDraft(talk(), title, "周宣讲", "", "党史学习", Set.of());
    }

    private UUID talk() {
        return TestTalks.ready(jdbc, "lecturer", "讲座", 600);
    }

    private static String name(String url) {
        return url.substring(ArticleImages.URL_PREFIX.length());
    }
}
