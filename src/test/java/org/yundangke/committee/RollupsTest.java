package org.yundangke.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Logins;
import org.yundangke.credit.CreditRules;
import org.yundangke.org.OrgDirectory;

/**
 * The committees' rollups from province to member: a "1+2" member whose branches lie in two counties counts in both
 * counties but once in the city and the province; quarters count who studied within them and 学时 from January; and
 * each administrator drills down only inside their area. A far year (2037, used by no other test) keeps other tests'
 * credit out; its month totals are written as the ledger keeps them (the ledger's own tests cover how they are kept).
 */
@SpringBootTest
@ActiveProfiles("test")
class RollupsTest {

    static final int YEAR = 2037;

    @Autowired
    Rollups rollups;

    @Autowired
    CreditRules rules;

    @Autowired
    OrgDirectory directory;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    long onePlusTwo;
    long gusuMember;

    @BeforeEach
    void credit() {
        CountyAdmins.add(jdbc);
        // a member of the finance branch (Xuanwu) also managed by Meiyuan (Xuanwu) and the senior college (Gulou)
        onePlusTwo = jdbc.queryForObject("select min(mm.member_id) from managing_membership mm join branch b"
                + " on b.id = mm.branch_id where b.name = '鼓楼区老年大学离退休干部党支部' and mm.member_id in (select id from"
                + " member where primary_branch_id = (select id from branch where name = '原南京市财政局离退休干部党支部'))",
                Long.class);
        gusuMember = jdbc.queryForObject("select min(id) from member where primary_branch_id = (select id from branch"
                + " where name = '平江街道社区离退休干部党支部')", Long.class);
        month(onePlusTwo, 2, "40");
        month(gusuMember, 5, "5");
        rollups.refresh(YEAR);
    }

    @AfterEach
    void removeWhatWasMade() {
        jdbc.update("delete from credit_month_total where study_year = ?", YEAR);
        jdbc.update("delete from credit_year_total where study_year = ?", YEAR);
        jdbc.update("delete from rollup_branch where study_year = ?", YEAR);
        jdbc.update("delete from rollup_committee where study_year = ?", YEAR);
        jdbc.update("delete from rollup_refresh where study_year = ?", YEAR);
        CountyAdmins.remove(jdbc);
        logins.logout();
    }

    @Test
    void a_one_plus_two_member_counts_once_in_every_committee() {
        assertThat(new BigDecimal("40")).as("the test's member reaches the target").isGreaterThanOrEqualTo(
                rules.yearlyTarget(YEAR));
        logins.as("province");
        Rollups.Overview province = rollups.committee(directory.currentActor().committeeId(), YEAR, 0);
        long everyone = jdbc.queryForObject("select count(*) from member", Long.class);
        assertThat(province.figures().members()).isEqualTo(everyone);
        assertThat(province.figures().studied()).isEqualTo(2);
        assertThat(province.figures().studyHours()).isEqualByComparingTo("45");
        assertThat(province.figures().reached()).isOne();
        assertThat(province.refreshedAt()).isNotNull();

        Rollups.Row nanjing = row(province, "南京市委离退休干部工委");
        long nanjingMembers = jdbc.queryForObject("select count(distinct mb.member_id) from org_member_branch mb join"
                + " branch b on b.id = mb.branch_id join committee c on c.id = b.committee_id where c.path like ?",
                Long.class, "%/" + nanjing.id() + "/%");
        assertThat(nanjing.figures().members()).isEqualTo(nanjingMembers);
        assertThat(nanjing.figures().studied()).isOne();
        assertThat(nanjing.figures().studyHours()).as("40, not 40 twice").isEqualByComparingTo("40");

        logins.as("admin");
        Rollups.Overview city = rollups.committee(nanjing.id(), YEAR, 0);
        Rollups.Row xuanwu = row(city, "玄武区委离退休干部工委");
        Rollups.Row gulou = row(city, "鼓楼区委离退休干部工委");
        assertThat(xuanwu.figures().studied()).isOne();
        assertThat(gulou.figures().studied()).as("the member is managed in Gulou too").isOne();
        assertThat(xuanwu.figures().members() + gulou.figures().members())
                .as("the counties each count the member; the city once").isGreaterThan(city.figures().members());
    }

    @Test
    void a_quarter_counts_who_studied_in_it_and_study_time_from_january() {
        logins.as("province");
        long province = directory.currentActor().committeeId();
        Rollups.Figures first = rollups.committee(province, YEAR, 1).figures();
        assertThat(first.studied()).isOne();
        assertThat(first.studyHours()).isEqualByComparingTo("40");
        Rollups.Figures second = rollups.committee(province, YEAR, 2).figures();
        assertThat(second.studied()).as("only the Gusu member studied in April to June").isOne();
        assertThat(second.studyHours()).isEqualByComparingTo("45");
        assertThat(second.reached()).isOne();
        assertThat(second.participation()).isEqualByComparingTo(BigDecimal.valueOf(100)
                .divide(BigDecimal.valueOf(second.members()), 1, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void each_administrator_drills_down_inside_their_area_only() {
        logins.as("admin"); // Nanjing
        long nanjing = directory.currentActor().committeeId();
        long province = jdbc.queryForObject("select parent_id from committee where id = ?", Long.class, nanjing);
        long gusu = jdbc.queryForObject("select id from committee where name = '姑苏区委离退休干部工委'", Long.class);
        assertThatThrownBy(() -> rollups.committee(province, YEAR, 0)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rollups.committee(gusu, YEAR, 0)).isInstanceOf(AccessDeniedException.class);
        long pingjiang = jdbc.queryForObject("select primary_branch_id from member where id = ?", Long.class, gusuMember);
        assertThatThrownBy(() -> rollups.branch(pingjiang, YEAR, 0)).isInstanceOf(AccessDeniedException.class);

        Rollups.Row xuanwu = row(rollups.committee(nanjing, YEAR, 0), "玄武区委离退休干部工委");
        Rollups.Overview county = rollups.committee(xuanwu.id(), YEAR, 0);
        assertThat(county.rows()).extracting(Rollups.Row::kind).containsOnly(Rollups.Kind.BRANCH);
        Rollups.Row meiyuan = row(county, "梅园新村社区离退休干部党支部");
        Rollups.Overview branch = rollups.branch(meiyuan.id(), YEAR, 0);
        assertThat(branch.rows()).extracting(Rollups.Row::kind).containsOnly(Rollups.Kind.MEMBER);
        assertThat(branch.rows()).hasSize((int) meiyuan.figures().members());
        assertThat(branch.rows()).filteredOn(r -> r.id() == onePlusTwo).singleElement()
                .satisfies(r -> assertThat(r.figures().studyHours()).isEqualByComparingTo("40"));
        assertThat(branch.parentCommitteeId()).isEqualTo(xuanwu.id());

        logins.as("gulou");
        assertThatThrownBy(() -> rollups.committee(xuanwu.id(), YEAR, 0)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rollups.branch(meiyuan.id(), YEAR, 0)).isInstanceOf(AccessDeniedException.class);
        logins.as("secretary");
        assertThat(rollups.branch(meiyuan.id(), YEAR, 0).rows()).isNotEmpty();
        assertThatThrownBy(() -> rollups.committee(xuanwu.id(), YEAR, 0)).isInstanceOf(AccessDeniedException.class);
    }

    private void month(long member, int month, String hours) {
        jdbc.update("insert into credit_year_total (member_id, study_year, study_hours, points) values (?, ?, ?, 0)",
                member, YEAR, new BigDecimal(hours));
        jdbc.update("insert into credit_month_total (member_id, study_year, study_month, study_hours, points)"
                + " values (?, ?, ?, ?, 0)", member, YEAR, month, new BigDecimal(hours));
    }

    private static Rollups.Row row(Rollups.Overview overview, String name) {
        return overview.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
