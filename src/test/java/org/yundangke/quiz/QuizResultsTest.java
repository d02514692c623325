package org.yundangke.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Logins;
import org.yundangke.org.OrgDirectory;

/** Results within reach: a secretary sees their branches, an admin their subtree, nobody else's; members see none. */
@SpringBootTest
@ActiveProfiles("test")
class QuizResultsTest {

    @Autowired
    QuizResults results;

    @Autowired
    Quizzes quizzes;

    @Autowired
    QuestionBank bank;

    @Autowired
    Attempts attempts;

    @Autowired
    OrgDirectory directory;

    @Autowired
    Logins logins;

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void a_secretary_sees_who_in_their_branch_took_and_passed_and_what_was_missed() throws Exception {
        logins.as("lecturer");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Question question = bank.create(new QuestionDraft(QuestionType.TRUE_FALSE, tag + " 预备期为一年。", List.of(),
                List.of(QuestionDraft.TRUE), "", java.math.BigDecimal.ONE, 1, "成绩测试", List.of(), null));
        UUID quiz = quizzes.create(new QuizDraft("成绩 " + tag, QuizKind.TEST, "", null, List.of(question.id()),
                List.of(), 60, null, null, true)).id();
        quizzes.publish(quiz);

        logins.as("member"); // 吴建国: primary branch elsewhere, managed also by the secretary's branch ("1+2")
        UUID wrong = attempts.start(quiz);
        attempts.answer(wrong, 0, List.of(QuestionDraft.FALSE));
        attempts.submit(wrong);
        UUID right = attempts.start(quiz);
        attempts.answer(right, 0, List.of(QuestionDraft.TRUE));
        attempts.submit(right);

        logins.as("secretary");
        long meiyuan = directory.currentActor().ledBranchIds().iterator().next();
        List<QuizResults.BranchResult> branches = results.byBranch(quiz);
        assertThat(branches).extracting(QuizResults.BranchResult::branchId).containsExactly(meiyuan);
        QuizResults.BranchResult branch = branches.getFirst();
        assertThat(branch.took()).isEqualTo(1);
        assertThat(branch.passed()).isEqualTo(1);
        assertThat(branch.passRate()).isEqualTo(100);
        QuizResults.MemberResult wu = results.byMember(quiz, meiyuan).stream().filter(m -> m.attempts() > 0)
                .findFirst().orElseThrow();
        assertThat(wu.name()).isEqualTo("吴建国");
        assertThat(wu.attempts()).isEqualTo(2);
        assertThat(wu.best()).isEqualByComparingTo("1");
        assertThat(results.mostMissed(quiz)).singleElement().satisfies(m -> {
            assertThat(m.stem()).isEqualTo(question.content().stem());
            assertThat(m.answered()).isEqualTo(2);
            assertThat(m.missed()).isEqualTo(1);
        });
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(results.workbook(quiz,
                Locale.SIMPLIFIED_CHINESE)))) {
            assertThat(workbook.getSheetAt(1).getRow(0).getCell(1).getStringCellValue()).isEqualTo("姓名");
            assertThat(workbook.getSheetAt(1)).anySatisfy(row -> assertThat(row.getCell(1).getStringCellValue())
                    .isEqualTo("吴建国"));
        }

        long elsewhere = directory.memberIdOf("member").map(directory::member).orElseThrow().primaryBranchId();
        assertThat(elsewhere).as("demo: the member's primary branch is not the secretary's").isNotEqualTo(meiyuan);
        assertThatThrownBy(() -> results.byMember(quiz, elsewhere)).isInstanceOf(AccessDeniedException.class);

        logins.as("province");
        assertThat(results.byBranch(quiz)).as("the whole province").hasSizeGreaterThan(1)
                .anySatisfy(b -> assertThat(b.took()).isEqualTo(1));

        logins.as("member");
        assertThatThrownBy(() -> results.byBranch(quiz)).isInstanceOf(AccessDeniedException.class);
    }
}
