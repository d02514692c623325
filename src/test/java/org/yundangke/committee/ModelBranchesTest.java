package org.yundangke.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.yundangke.org.CommitteeLevel;
import org.yundangke.org.OrgDirectory;

/**
 * 示范支部 from the county up: proposed by the secretary, decided by the branch's committee at each level (not by one
 * above or beside it), a declined proposal made again, and the titles counted in the committees' rollups.
 */
@SpringBootTest
@ActiveProfiles("test")
class ModelBranchesTest {

    @Autowired
    ModelBranches models;

    @Autowired
    Rollups rollups;

    @Autowired
    OrgDirectory directory;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    final int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    long meiyuan;

    @BeforeEach
    void countyAdmins() {
        CountyAdmins.add(jdbc);
        logins.as("secretary");
        meiyuan = directory.currentActor().ledBranchIds().iterator().next();
    }

    @Test
    void a_past_year_is_built_once_and_again_when_its_titles_change() {
        jdbc.update("delete from rollup_refresh");
        rollups.refresh();
        assertThat(jdbc.queryForList("select study_year from rollup_refresh order by study_year", Integer.class))
                .as("every year the overview offers").hasSize(Rollups.YEARS_SHOWN).contains(year, year - 4);
        jdbc.update("update rollup_refresh set refreshed_at = refreshed_at - interval '1' hour where study_year = ?",
                year - 2);
        java.sql.Timestamp before = jdbc.queryForObject("select refreshed_at from rollup_refresh where study_year = ?",
                java.sql.Timestamp.class, year - 2);
        models.propose(meiyuan, year - 2, CommitteeLevel.COUNTY, "补报前年的推荐");
        rollups.refresh();
        assertThat(jdbc.queryForObject("select refreshed_at from rollup_refresh where study_year = ?",
                java.sql.Timestamp.class, year - 2)).as("built again").isAfter(before);
    }

    @AfterEach
    void removeWhatWasMade() {
        jdbc.update("delete from rollup_refresh");
        jdbc.update("delete from model_branch");
        jdbc.update("delete from rollup_branch");
        jdbc.update("delete from rollup_committee");
        CountyAdmins.remove(jdbc);
        logins.logout();
    }

    @Test
    void a_branch_rises_from_county_to_province_each_level_deciding_its_own() {
        assertThatThrownBy(() -> models.propose(meiyuan, year, CommitteeLevel.CITY, "学习扎实"))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("model.below-first"));
        assertThatThrownBy(() -> models.propose(meiyuan, year, CommitteeLevel.COUNTY, " "))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("model.reason"));
        ModelBranches.Award proposed = models.propose(meiyuan, year, CommitteeLevel.COUNTY, "三会一课坚持得好，送学上门到每一户");
        assertThat(proposed.state()).isEqualTo(ModelBranches.State.PROPOSED);
        assertThatThrownBy(() -> models.propose(meiyuan, year, CommitteeLevel.COUNTY, "再推荐一次"))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("model.already"));

        logins.as("admin"); // Nanjing: above the branch, but the county decides the county level
        assertThatThrownBy(() -> models.decide(meiyuan, year, CommitteeLevel.COUNTY, true, ""))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("model.not-your-level"));
        logins.as("gulou");
        assertThat(models.waitingForMe()).isEmpty();
        assertThatThrownBy(() -> models.decide(meiyuan, year, CommitteeLevel.COUNTY, true, ""))
                .isInstanceOf(AccessDeniedException.class);
        logins.as("xuanwu");
        assertThat(models.waitingForMe()).extracting(ModelBranches.Award::branchId).containsExactly(meiyuan);
        assertThat(models.decide(meiyuan, year, CommitteeLevel.COUNTY, true, "同意").state())
                .isEqualTo(ModelBranches.State.CONFIRMED);
        assertThat(models.waitingForMe()).isEmpty();

        logins.as("secretary");
        models.propose(meiyuan, year, CommitteeLevel.CITY, "区级示范支部，学习完成率高");
        logins.as("admin");
        assertThat(models.decide(meiyuan, year, CommitteeLevel.CITY, false, "请补充组织生活记录").state())
                .isEqualTo(ModelBranches.State.DECLINED);
        logins.as("secretary");
        assertThatThrownBy(() -> models.propose(meiyuan, year, CommitteeLevel.PROVINCE, "省级"))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("model.below-first"));
        models.propose(meiyuan, year, CommitteeLevel.CITY, "已补充组织生活记录");
        logins.as("admin");
        models.decide(meiyuan, year, CommitteeLevel.CITY, true, "");
        models.propose(meiyuan, year, CommitteeLevel.PROVINCE, "市级示范支部");
        logins.as("province");
        models.decide(meiyuan, year, CommitteeLevel.PROVINCE, true, "");

        logins.as("secretary");
        assertThat(models.of(meiyuan, year)).extracting(ModelBranches.Award::level, ModelBranches.Award::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CommitteeLevel.COUNTY, ModelBranches.State.CONFIRMED),
                        org.assertj.core.groups.Tuple.tuple(CommitteeLevel.CITY, ModelBranches.State.CONFIRMED),
                        org.assertj.core.groups.Tuple.tuple(CommitteeLevel.PROVINCE, ModelBranches.State.CONFIRMED));
        long finance = jdbc.queryForObject("select id from branch where name = '原南京市财政局离退休干部党支部'", Long.class);
        assertThatThrownBy(() -> models.propose(finance, year, CommitteeLevel.COUNTY, "不是我的支部"))
                .isInstanceOf(AccessDeniedException.class);

        logins.as("admin");
        assertThatThrownBy(() -> models.decide(meiyuan, year, CommitteeLevel.CITY, false, "晚了一步"))
                .as("decided already").isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.messageKey()).isEqualTo("model.nothing-to-decide"));

        rollups.refresh(year);
        logins.as("province");
        Rollups.Overview province = rollups.committee(directory.currentActor().committeeId(), year, 0);
        assertThat(province.figures().modelBranches()).as("one model branch however many levels").isEqualTo(1);
        assertThat(province.rows()).filteredOn(r -> r.name().startsWith("南京")).singleElement()
                .satisfies(r -> assertThat(r.figures().modelBranches()).isEqualTo(1));
        logins.as("xuanwu");
        Rollups.Overview xuanwu = rollups.committee(directory.currentActor().committeeId(), year, 0);
        assertThat(xuanwu.rows()).filteredOn(r -> r.id() == meiyuan).singleElement()
                .satisfies(r -> assertThat(r.modelLevel()).isEqualTo("PROVINCE"));
    }
}
