package org.yundangke.branch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Logins;
import org.yundangke.TestMembers;
import org.yundangke.base.UserError;
import org.yundangke.credit.CreditLedger;
import org.yundangke.credit.EvidenceActivity;
import org.yundangke.org.OrgDirectory;

/**
 * A branch meeting: scheduled, attendance taken (each tap saved, changeable), confirmed: the members present get an
 * approved 记实 record and its credit, once; the excused and absent get nothing; the minutes go into the store.
 */
@SpringBootTest
@ActiveProfiles("test")
class OrgLifeTest {

    /** The smallest PNG: a real picture by its bytes. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired
    OrgLife orgLife;

    @Autowired
    CreditLedger ledger;

    @Autowired
    OrgDirectory directory;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    long meiyuan;
    final List<Long> made = new ArrayList<>();
    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void threeNewMembers() {
        logins.as("secretary");
        meiyuan = directory.currentActor().ledBranchIds().iterator().next();
        for (String name : List.of("到会的甲", "请假的乙", "缺席的丙")) {
            made.add(TestMembers.add(jdbc, name, meiyuan));
        }
    }

    @AfterEach
    void removeWhatWasMade() {
        jdbc.update("delete from org_event_file where event_id in (select id from org_event where branch_id = ?)",
                meiyuan);
        jdbc.update("delete from org_event_attendance where event_id in (select id from org_event where branch_id = ?)",
                meiyuan);
        jdbc.update("delete from org_event where branch_id = ?", meiyuan);
        made.forEach(id -> TestMembers.remove(jdbc, id));
        logins.logout();
    }

    @Test
    void attendance_confirmed_gives_the_members_present_their_credit_once() {
        OrgLife.Event meeting = orgLife.schedule(new OrgLife.NewEvent(meiyuan, OrgLife.Kind.BRANCH_MEETING,
                Instant.now().minus(Duration.ofHours(2)), "支部活动室", null, "学习党章"));
        orgLife.mark(meeting.id(), made.get(0), OrgLife.Status.ABSENT);
        orgLife.mark(meeting.id(), made.get(0), OrgLife.Status.PRESENT); // a wrong tap, corrected
        orgLife.mark(meeting.id(), made.get(1), OrgLife.Status.EXCUSED);
        orgLife.mark(meeting.id(), made.get(2), OrgLife.Status.ABSENT);
        assertThat(OrgLife.tally(orgLife.marks(meeting.id()))).containsEntry(OrgLife.Status.PRESENT, 1)
                .containsEntry(OrgLife.Status.EXCUSED, 1).containsEntry(OrgLife.Status.ABSENT, 1);

        assertThat(orgLife.confirm(meeting.id())).isOne();
        assertThat(ledger.entries(made.get(0), today.getYear())).isNotEmpty()
                .allSatisfy(e -> assertThat(e.activity()).isEqualTo(EvidenceActivity.ORG_LIFE));
        assertThat(jdbc.queryForObject("select state from evidence_record where member_id = ?", String.class,
                made.get(0))).isEqualTo("APPROVED");
        assertThat(ledger.entries(made.get(1), today.getYear())).isEmpty();
        assertThat(ledger.entries(made.get(2), today.getYear())).isEmpty();
        assertThat(orgLife.marks(meeting.id())).filteredOn(m -> m.member().memberId() == made.get(0)).singleElement()
                .satisfies(m -> assertThat(m.credited()).isTrue());

        int entries = ledger.entries(made.get(0), today.getYear()).size();
        assertThat(orgLife.confirm(meeting.id())).as("confirmed again").isZero();
        assertThat(ledger.entries(made.get(0), today.getYear())).hasSize(entries);

        orgLife.mark(meeting.id(), made.get(2), OrgLife.Status.PRESENT); // came late after all
        assertThat(orgLife.confirm(meeting.id())).isOne();
        assertThat(ledger.entries(made.get(2), today.getYear())).isNotEmpty();
    }

    @Test
    void a_party_day_is_credited_as_one_and_a_future_event_cannot_be_confirmed() {
        OrgLife.Event partyDay = orgLife.schedule(new OrgLife.NewEvent(meiyuan, OrgLife.Kind.PARTY_DAY,
                Instant.now().minus(Duration.ofHours(1)), "线上（腾讯会议）", "https://meeting.tencent.com/dm/abc",
                "重温入党誓词"));
        orgLife.mark(partyDay.id(), made.get(0), OrgLife.Status.PRESENT);
        orgLife.confirm(partyDay.id());
        assertThat(ledger.entries(made.get(0), today.getYear())).isNotEmpty()
                .allSatisfy(e -> assertThat(e.activity()).isEqualTo(EvidenceActivity.PARTY_DAY));

        OrgLife.Event next = orgLife.schedule(new OrgLife.NewEvent(meiyuan, OrgLife.Kind.PARTY_LESSON,
                Instant.now().plus(Duration.ofDays(3)), "支部活动室", null, "下周的党课"));
        orgLife.mark(next.id(), made.get(1), OrgLife.Status.PRESENT);
        assertThatThrownBy(() -> orgLife.confirm(next.id())).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.messageKey()).isEqualTo("event.confirm.future"));
        assertThatThrownBy(() -> orgLife.schedule(new OrgLife.NewEvent(meiyuan, OrgLife.Kind.PARTY_LESSON,
                Instant.now(), "活动室", "http://not-secure", "党课"))).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.messageKey()).isEqualTo("event.link"));
    }

    @Test
    void minutes_and_photos_are_stored_and_a_wrong_file_leaves_nothing() {
        OrgLife.Event meeting = orgLife.schedule(new OrgLife.NewEvent(meiyuan, OrgLife.Kind.COMMITTEE_MEETING,
                Instant.now(), "支部活动室", null, "研究发展党员"));
        OrgLife.File photo = orgLife.attach(meeting.id(), OrgLife.FileKind.PHOTO, "合影.png", PNG);
        byte[] pdf = "%PDF-1.4 minutes".getBytes();
        orgLife.attach(meeting.id(), OrgLife.FileKind.MINUTES, "会议记录.pdf", pdf);
        assertThatThrownBy(() -> orgLife.attach(meeting.id(), OrgLife.FileKind.PHOTO, "记录.pdf", pdf))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("event.file.not-photo"));
        assertThat(orgLife.files(meeting.id())).extracting(OrgLife.File::fileName).containsExactly("合影.png",
                "会议记录.pdf");
        assertThat(orgLife.file(meeting.id(), photo.position())).isEqualTo(PNG);
    }

    @Test
    void another_branch_is_out_of_reach() {
        long finance = jdbc.queryForObject("select id from branch where name = '原南京市财政局离退休干部党支部'", Long.class);
        assertThatThrownBy(() -> orgLife.schedule(new OrgLife.NewEvent(finance, OrgLife.Kind.BRANCH_MEETING,
                Instant.now(), "活动室", null, "不是我的支部"))).isInstanceOf(AccessDeniedException.class);
        OrgLife.Event mine = orgLife.schedule(new OrgLife.NewEvent(meiyuan, OrgLife.Kind.BRANCH_MEETING,
                Instant.now(), "活动室", null, "我的支部"));
        long stranger = jdbc.queryForObject("select min(id) from member where primary_branch_id = ? and id not in"
                + " (select member_id from managing_membership where branch_id = ?)", Long.class, finance, meiyuan);
        assertThatThrownBy(() -> orgLife.mark(mine.id(), stranger, OrgLife.Status.PRESENT))
                .isInstanceOf(AccessDeniedException.class);
        logins.as("member");
        assertThatThrownBy(() -> orgLife.marks(mine.id())).isInstanceOf(AccessDeniedException.class);
    }
}
