package org.yundangke.branch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Logins;
import org.yundangke.TestMembers;
import org.yundangke.TestTalks;
import org.yundangke.base.UserError;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonDraft;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.credit.CreditLedger;
import org.yundangke.credit.Evidence;
import org.yundangke.credit.EvidenceActivity;
import org.yundangke.credit.EvidenceRecord;
import org.yundangke.credit.LedgerEntry;
import org.yundangke.org.OrgDirectory;
import org.yundangke.study.Assignments;
import org.yundangke.study.CompletionMatrix;

/**
 * A member without a device studies an assignment with their daughter: the secretary records it, the assignment is
 * done for the member at once, and the credit reaches the ledger marked as studied with help only after approval.
 */
@SpringBootTest
@ActiveProfiles("test")
class AssistedStudyTest {

    @Autowired
    AssistedStudy assisted;

    @Autowired
    Assignments assignments;

    @Autowired
    CompletionMatrix matrix;

    @Autowired
    Evidence evidence;

    @Autowired
    CreditLedger ledger;

    @Autowired
    Catalogue catalogue;

    @Autowired
    OrgDirectory directory;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    long meiyuan;
    long grandma;
    UUID assignment;

    @BeforeEach
    void anOfflineMemberAndAnAssignedLesson() {
        logins.as("lecturer");
        UUID talk = TestTalks.ready(jdbc, "lecturer", "送学上门的课", 900);
        LessonInfo lesson = catalogue.createDraft(new LessonDraft(talk, "送学上门的课 " + UUID.randomUUID(), "周宣讲", "",
                "党史学习", Set.of()));
        catalogue.publish(lesson.id());
        logins.as("secretary");
        meiyuan = directory.currentActor().ledBranchIds().iterator().next();
        grandma = TestMembers.add(jdbc, "卧床的老党员", meiyuan);
        assignment = assignments.assign(meiyuan, null, lesson.id()).id();
    }

    @AfterEach
    void removeWhatWasMade() {
        jdbc.update("delete from study_assisted where member_id = ?", grandma);
        jdbc.update("delete from study_assignment where id = ?", assignment);
        TestMembers.remove(jdbc, grandma);
        logins.logout();
    }

    @Test
    void studied_with_help_completes_the_assignment_and_earns_credit_marked_assisted_after_approval() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        UUID record = assisted.record(new AssistedStudy.Help(assignment, grandma, today, "党员家中", "女儿 王小红",
                List.of()));

        assertThat(cell().state()).isEqualTo(CompletionMatrix.State.ASSISTED);
        EvidenceRecord pending = evidence.pending(meiyuan).stream().filter(r -> r.id().equals(record)).findFirst()
                .orElseThrow();
        assertThat(pending.activity()).isEqualTo(EvidenceActivity.ASSISTED_STUDY);
        assertThat(pending.attendees()).isEqualTo("女儿 王小红");
        assertThat(entries()).as("no credit before approval").isEmpty();

        evidence.approve(record);
        assertThat(entries()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.activity()).isEqualTo(EvidenceActivity.ASSISTED_STUDY);
            assertThat(e.title()).startsWith("送学上门的课");
        });
        assertThatThrownBy(() -> assisted.record(new AssistedStudy.Help(assignment, grandma, today, "党员家中", "志愿者",
                List.of()))).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.messageKey()).isEqualTo("assisted.twice"));
    }

    @Test
    void a_refused_record_leaves_neither_the_help_nor_a_record_behind() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThatThrownBy(() -> assisted.record(new AssistedStudy.Help(assignment, grandma, today, " ", "女儿",
                List.of()))).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.messageKey()).isEqualTo("evidence.missing"));
        assertThatThrownBy(() -> assisted.record(new AssistedStudy.Help(assignment, grandma, today, "家中",
                "女儿", List.of(new byte[] {1, 2, 3})))).isInstanceOf(UserError.class);
        assertThat(jdbc.queryForObject("select count(*) from study_assisted where member_id = ?", Integer.class,
                grandma)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from evidence_record where member_id = ?", Integer.class,
                grandma)).isZero();
        assertThat(cell().state()).isEqualTo(CompletionMatrix.State.NOT_STARTED);
    }

    private CompletionMatrix.Cell cell() {
        CompletionMatrix.Matrix m = matrix.of(meiyuan, CompletionMatrix.Filter.ALL);
        int column = m.columns().stream().map(c -> c.study().assignment().id()).toList().indexOf(assignment);
        return m.rows().stream().filter(r -> r.member().memberId() == grandma).findFirst().orElseThrow().cells()
                .get(column);
    }

    private List<LedgerEntry> entries() {
        return ledger.entries(grandma, LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
    }
}
