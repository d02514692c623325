package org.yundangke.branch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.RouteParameters;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yundangke.KaribuTest;
import org.yundangke.StatementCounter;
import org.yundangke.TestTalks;
import org.yundangke.branch.MatrixWorkbook;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonDraft;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.study.CompletionMatrix;

/**
 * A branch of 100 members (30 of them online) with 50 assignments: the matrix page reads it in a fixed number of
 * statements, the same as for a branch of 10 members with 5 assignments: 24 for either when this was written (the
 * test prints them: the caller 3, the branch's scope checked by each service 10, its members 1, its groups 4, the
 * assignments 2, their lessons 1, completions 1, watching 1, studied with help 1). Before the members were read in
 * one statement it was 44 and 185. The rows, the totals, the assisted-study form and the Excel file are checked too.
 */
@Import(StatementCounter.class)
class CompletionMatrixViewTest extends KaribuTest {

    static final int MAX_STATEMENTS = 24;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Catalogue catalogue;

    @Autowired
    MatrixWorkbook workbook;

    private final List<Long> branches = new ArrayList<>();

    @Test
    void the_page_costs_the_same_few_statements_for_100_members_by_50_assignments_as_for_10_by_5() {
        List<LessonInfo> lessons = publishLessons(50);
        long small = branchWith(10, 3, lessons.subList(0, 5));
        long large = branchWith(100, 30, lessons);

        login("admin");
        open(small); // the layout's first reads (the account's display settings) are not the matrix's
        newRequest();
        List<String> forSmall = StatementCounter.during(() -> open(small));
        newRequest();
        List<String> forLarge = StatementCounter.during(() -> open(large));
        System.out.printf("matrix page: %d statements for 10 × 5, %d for 100 × 50%n%s%n", forSmall.size(),
                forLarge.size(), String.join("\n", forLarge));

        CompletionMatrixView page = _get(CompletionMatrixView.class);
        assertThat(GridKt._size(page.table.grid)).isEqualTo(100);
        assertThat(page.table.grid.getColumns()).hasSize(1 + 50 + 2);
        assertThat(forLarge).hasSize(forSmall.size()).hasSizeLessThanOrEqualTo(MAX_STATEMENTS);
        assertThat(page.shown.columns()).allSatisfy(c -> {
            assertThat(c.asked()).isEqualTo(100);
            assertThat(c.finished()).as("every online member completed every lesson").isEqualTo(30);
        });
    }

    @Test
    void studied_with_help_from_a_members_row_and_the_excel_file_say_the_same() throws IOException {
        List<LessonInfo> lessons = publishLessons(2);
        long branch = branchWith(3, 1, lessons);
        login("admin");
        open(branch);
        CompletionMatrixView page = _get(CompletionMatrixView.class);
        int offline = indexOfFirstOfflineRow(page);
        ((Button) GridKt._getCellComponent(page.table.grid, offline, "actions")).click();
        assertThat(page.assist.isVisible()).isTrue();
        page.assist.helper.setValue("志愿者 张三");
        page.assist.save.click();

        assertThat(page.assist.isVisible()).isFalse();
        CompletionMatrix.Row row = GridKt._get(page.table.grid, offline);
        assertThat(row.cells()).extracting(CompletionMatrix.Cell::state).contains(CompletionMatrix.State.ASSISTED);

        byte[] xlsx = workbook.of(branch, "完成情况", CompletionMatrix.Filter.ALL, Locale.SIMPLIFIED_CHINESE);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("姓名");
            List<String> texts = new ArrayList<>();
            sheet.forEach(r -> r.forEach(c -> texts.add(c.getStringCellValue())));
            assertThat(texts).contains("送学上门", "已完成", "合计", "2 / 3");
        }
    }

    @Test
    void a_branch_without_assignments_says_where_to_make_one() {
        long branch = branchWith(3, 1, List.of());
        login("admin");
        open(branch);
        CompletionMatrixView page = _get(CompletionMatrixView.class);
        assertThat(page.body.getElement().getTextRecursively()).contains("还没有布置学习");
        assertThat(page.download.isVisible()).isFalse();
    }

    private int indexOfFirstOfflineRow(CompletionMatrixView page) {
        for (int i = 0; i < GridKt._size(page.table.grid); i++) {
            if (GridKt._get(page.table.grid, i).member().username() == null) {
                return i;
            }
        }
        throw new AssertionError("no member without a login");
    }

    private void open(long branchId) {
        UI.getCurrent().navigate(CompletionMatrixView.class,
                new RouteParameters(CompletionMatrixView.BRANCH_ID, String.valueOf(branchId)));
    }

    private List<LessonInfo> publishLessons(int count) {
        login("lecturer");
        List<LessonInfo> lessons = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID talk = TestTalks.ready(jdbc, "lecturer", "矩阵课 " + i, 600);
            LessonInfo lesson = catalogue.createDraft(new LessonDraft(talk, "矩阵课 " + i + " " + talk, "周宣讲", "",
                    "党史学习", Set.of()));
            catalogue.publish(lesson.id());
            lessons.add(lesson);
        }
        return lessons;
    }

    /** A branch under Xuanwu with members, the first {@code online} with a login who completed every lesson. */
    private long branchWith(int members, int online, List<LessonInfo> lessons) {
        long xuanwu = jdbc.queryForObject("select id from committee where name = '玄武区委离退休干部工委'", Long.class);
        String name = "矩阵支部 " + UUID.randomUUID();
        jdbc.update("insert into branch (name, kind, committee_id) values (?, 'COMMUNITY', ?)", name, xuanwu);
        long branch = jdbc.queryForObject("select id from branch where name = ?", Long.class, name);
        branches.add(branch);
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        for (int i = 0; i < members; i++) {
            jdbc.update("insert into member (name, primary_branch_id) values (?, ?)", "党员" + i, branch);
            if (i < online) {
                long id = jdbc.queryForObject("select max(id) from member where primary_branch_id = ?", Long.class,
                        branch);
                String login = "m" + branch + "x" + i;
                jdbc.update("insert into user_account (username, password_hash, display_name, member_id) values"
                        + " (?, 'x', ?, ?)", login, "党员" + i, id);
                for (LessonInfo lesson : lessons) {
                    jdbc.update("insert into lesson_completion (username, lesson_id, study_year, completed_at)"
                            + " values (?, ?, ?, ?)", login, lesson.id(), year, Timestamp.from(Instant.now()));
                }
            }
        }
        for (LessonInfo lesson : lessons) {
            jdbc.update("insert into study_assignment (id, branch_id, lesson_id, assigned_by, assigned_at) values"
                    + " (?, ?, ?, 'admin', ?)", UUID.randomUUID(), branch, lesson.id(), Timestamp.from(Instant.now()));
        }
        return branch;
    }

    @AfterEach
    void removeTheBranches() {
        for (long branch : branches) {
            jdbc.update("delete from study_assisted where assignment_id in (select id from study_assignment where"
                    + " branch_id = ?)", branch);
            jdbc.update("delete from study_assignment where branch_id = ?", branch);
            jdbc.update("delete from evidence_record where branch_id = ?", branch);
            jdbc.update("delete from user_account where member_id in (select id from member where primary_branch_id = ?)",
                    branch);
            jdbc.update("delete from member where primary_branch_id = ?", branch);
            jdbc.update("delete from branch where id = ?", branch);
        }
    }
}
