package org.yundangke.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Logins;
import org.yundangke.base.UserError;
import org.yundangke.org.OrgDirectory;

/**
 * A secretary assesses a self-assessed indicator with evidence; an administrator of the branch's county reviews and
 * scores it (and one of another county is refused), after which the branch's entry is closed.
 */
@SpringBootTest
@ActiveProfiles("test")
class SelfAssessmentsTest {

    static final byte[] PDF = "%PDF-1.4 会议记录".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Autowired
    SelfAssessments assessments;

    @Autowired
    OrgDirectory directory;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    final int quarter = (today.getMonthValue() - 1) / 3 + 1;
    long meiyuan;

    @BeforeEach
    void countyAdmins() {
        CountyAdmins.add(jdbc);
        logins.as("secretary");
        meiyuan = directory.currentActor().ledBranchIds().iterator().next();
    }

    @AfterEach
    void removeWhatWasMade() {
        jdbc.update("delete from scorecard_evidence_file");
        jdbc.update("delete from scorecard_assessment");
        CountyAdmins.remove(jdbc);
        logins.logout();
    }

    @Test
    void a_self_assessed_indicator_with_evidence_is_reviewed_by_the_county_and_then_closed() {
        SelfAssessments.Assessment mine = assessments.assess(meiyuan, today.getYear(), quarter, "SUP_PLACE",
                new BigDecimal("3"), "社区提供党员活动室，每周二、四开放，有登记本。");
        assertThat(mine.reviewed()).isFalse();
        assertThat(assessments.attach(meiyuan, today.getYear(), quarter, "SUP_PLACE", "活动室登记.pdf", PDF)).isOne();
        assertThatThrownBy(() -> assessments.attach(meiyuan, today.getYear(), quarter, "SUP_PLACE", "x.exe",
                new byte[] {1, 2, 3})).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.messageKey()).isEqualTo("scorecard.self.file"));

        logins.as("gulou");
        assertThatThrownBy(() -> assessments.review(meiyuan, today.getYear(), quarter, "SUP_PLACE", BigDecimal.ONE,
                "")).as("Meiyuan is in Xuanwu, not Gulou").isInstanceOf(AccessDeniedException.class);
        logins.as("xuanwu");
        SelfAssessments.Assessment reviewed = assessments.review(meiyuan, today.getYear(), quarter, "SUP_PLACE",
                new BigDecimal("2.5"), "登记本不全");
        assertThat(reviewed.reviewScore()).isEqualByComparingTo("2.5");
        assertThat(reviewed.reviewedBy()).isEqualTo("xuanwu");

        logins.as("secretary");
        assertThatThrownBy(() -> assessments.assess(meiyuan, today.getYear(), quarter, "SUP_PLACE", BigDecimal.ONE,
                "再改一次")).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.messageKey()).isEqualTo("scorecard.self.reviewed"));
        assertThatThrownBy(() -> assessments.review(meiyuan, today.getYear(), quarter, "SUP_PLACE", BigDecimal.ONE,
                "")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void evidence_is_required_the_score_stays_within_the_weight_and_measured_indicators_are_not_self_assessed() {
        assertThatThrownBy(() -> assessments.assess(meiyuan, today.getYear(), quarter, "SUP_PLACE", BigDecimal.ONE,
                " ")).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.messageKey()).isEqualTo("scorecard.self.evidence"));
        assertThatThrownBy(() -> assessments.assess(meiyuan, today.getYear(), quarter, "SUP_PLACE", BigDecimal.TEN,
                "依据")).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.messageKey()).isEqualTo("scorecard.self.score"));
        assertThatThrownBy(() -> assessments.assess(meiyuan, today.getYear(), quarter, "ACT_MEETINGS", BigDecimal.ONE,
                "依据")).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.messageKey()).isEqualTo("scorecard.self.measured"));
        assertThat(assessments.of(meiyuan, today.getYear(), quarter)).isEmpty();
        long finance = jdbc.queryForObject("select id from branch where name = '原南京市财政局离退休干部党支部'", Long.class);
        assertThatThrownBy(() -> assessments.assess(finance, today.getYear(), quarter, "SUP_PLACE", BigDecimal.ONE,
                "依据")).isInstanceOf(AccessDeniedException.class);
    }
}
