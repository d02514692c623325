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
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Logins;
import org.yundangke.base.UserError;
import org.yundangke.org.OrgDirectory;

/**
 * A quarter's scorecard end to end: handed in only when every self-assessed indicator is scored, reviewed by the
 * county indicator by indicator, closed, and averaged in the committees' rollups.
 */
@SpringBootTest
@ActiveProfiles("test")
class BranchScorecardsTest {

    @Autowired
    BranchScorecards scorecards;

    @Autowired
    SelfAssessments assessments;

    @Autowired
    Rollups rollups;

    @Autowired
    OrgDirectory directory;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    final int year = today.getYear();
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
        jdbc.update("delete from scorecard_result");
        jdbc.update("delete from scorecard_assessment");
        jdbc.update("delete from rollup_branch");
        jdbc.update("delete from rollup_committee");
        CountyAdmins.remove(jdbc);
        logins.logout();
    }

    @Test
    void handed_in_when_complete_reviewed_by_the_county_and_averaged_in_the_rollups() {
        BranchScorecards.Card card = scorecards.card(meiyuan, year, quarter);
        assertThat(card.lines()).hasSize(28);
        assertThat(card.lines().stream().map(l -> l.indicator().weight()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100");
        assertThat(card.missing()).isEqualTo(21);
        assertThatThrownBy(() -> scorecards.submit(meiyuan, year, quarter)).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.args()).containsExactly(21L));

        for (BranchScorecards.Line line : card.lines()) {
            if (line.measured() == null) {
                assessments.assess(meiyuan, year, quarter, line.indicator().code(), line.indicator().weight(),
                        "有记录：" + line.indicator().title());
            }
        }
        BranchScorecards.Card handedIn = scorecards.submit(meiyuan, year, quarter);
        BigDecimal measured = handedIn.lines().stream().filter(l -> l.measured() != null)
                .map(BranchScorecards.Line::score).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(handedIn.result()).isNotNull();
        assertThat(handedIn.result().selfScore()).isEqualByComparingTo("65");
        assertThat(handedIn.result().total()).isEqualByComparingTo(measured.add(new BigDecimal("65")));

        logins.as("xuanwu");
        assertThatThrownBy(() -> scorecards.finishReview(meiyuan, year, quarter))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey())
                        .isEqualTo("scorecard.review.missing"));
        for (BranchScorecards.Line line : handedIn.lines()) {
            if (line.measured() == null) {
                BigDecimal given = line.indicator().code().equals("SUP_FUNDS") ? BigDecimal.ONE : line.indicator().weight();
                assessments.review(meiyuan, year, quarter, line.indicator().code(), given, "");
            }
        }
        BranchScorecards.Card reviewed = scorecards.finishReview(meiyuan, year, quarter);
        assertThat(reviewed.result().reviewed()).isTrue();
        assertThat(reviewed.result().reviewScore()).as("SUP_FUNDS marked down from 3 to 1").isEqualByComparingTo("63");

        assertThatThrownBy(() -> assessments.review(meiyuan, year, quarter, "SUP_FUNDS", BigDecimal.ZERO, "再改"))
                .as("closed").isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.messageKey()).isEqualTo("scorecard.closed"));
        assertThatThrownBy(() -> scorecards.finishReview(meiyuan, year, quarter))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("scorecard.closed"));
        assertThat(assessments.reviews(meiyuan)).isTrue();
        logins.as("gulou");
        assertThat(assessments.reviews(meiyuan)).isFalse();

        logins.as("secretary");
        assertThat(assessments.reviews(meiyuan)).as("a secretary does not review their own branch").isFalse();
        assertThatThrownBy(() -> scorecards.submit(meiyuan, year, quarter)).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.messageKey()).isEqualTo("scorecard.self.reviewed"));
        assertThatThrownBy(() -> assessments.attach(meiyuan, year, quarter, "SUP_PLACE", "x.pdf",
                "%PDF-1.4".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.messageKey()).isEqualTo("scorecard.closed"));

        rollups.refresh(year);
        logins.as("xuanwu");
        Rollups.Overview xuanwu = rollups.committee(directory.currentActor().committeeId(), year, quarter);
        assertThat(xuanwu.figures().scored()).isOne();
        assertThat(xuanwu.figures().branches()).isEqualTo(2);
        assertThat(xuanwu.figures().averageScorecard()).isEqualByComparingTo(reviewed.result().total().setScale(1,
                java.math.RoundingMode.HALF_UP));
        assertThat(rollups.committee(directory.currentActor().committeeId(), year, 0).figures().scored())
                .as("the year shows the latest quarter handed in").isOne();
        int other = quarter == 1 ? 2 : quarter - 1;
        assertThat(rollups.committee(directory.currentActor().committeeId(), year, other).figures().scored()).isZero();
    }
}
