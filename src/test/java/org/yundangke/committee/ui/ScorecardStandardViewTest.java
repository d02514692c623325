package org.yundangke.committee.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yundangke.KaribuTest;
import org.yundangke.committee.Indicator;
import org.yundangke.committee.Scorecards;

/**
 * 考评标准: the province changes an indicator's full marks from tomorrow in the page's form (the sum it leads to is
 * said); a city's administrator reads the history but gets no form.
 */
class ScorecardStandardViewTest extends KaribuTest {

    @Autowired
    Scorecards scorecards;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_province_changes_an_indicator_from_tomorrow_and_a_city_only_reads() {
        login("province");
        UI.getCurrent().navigate(ScorecardStandardView.class);
        ScorecardStandardView page = _get(ScorecardStandardView.class);
        assertThat(page.total.getText()).contains("28 项指标", "合计 100 分");
        Indicator funds = scorecards.inForce(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))).stream()
                .filter(i -> i.code().equals("SUP_FUNDS")).findFirst().orElseThrow();
        page.open(funds);
        _find(page.form, BigDecimalField.class).getFirst().setValue(new BigDecimal("4"));
        _find(page.form, TextField.class).getFirst().setValue("经费保障更重要");
        _find(page.form, Button.class, spec -> spec.withText("保存修改")).getFirst().click();
        assertThat(scorecards.history("SUP_FUNDS")).hasSize(2).first()
                .satisfies(v -> assertThat(v.weight()).isEqualByComparingTo("4"));
        assertThat(page.total.getText()).as("today's standard is unchanged").contains("合计 100 分");

        login("admin");
        UI.getCurrent().navigate("settings"); // another user's page is built anew, as in their own session
        UI.getCurrent().navigate(ScorecardStandardView.class);
        ScorecardStandardView city = _get(ScorecardStandardView.class);
        city.open(funds);
        assertThat(city.form.getElement().getTextRecursively()).contains("第 2 版", "经费保障更重要");
        assertThat(_find(city.form, Button.class, spec -> spec.withText("保存修改"))).isEmpty();
    }

    @AfterEach
    void removeTheChange() {
        jdbc.update("delete from scorecard_indicator where code = 'SUP_FUNDS' and version > 1");
    }
}
