package org.yundangke.committee.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteParameters;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yundangke.KaribuTest;

/**
 * The secretary opens the scorecard: six aspects, 28 indicators, the measured ones scored already; a self-assessment
 * saved from its card counts down what is left, and handing in too early says how many are missing; then a proposal
 * as 示范支部 at county level.
 */
class ScorecardViewTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_self_assessment_is_saved_from_its_card_and_a_proposal_made() {
        login("secretary");
        UI.getCurrent().navigate(ScorecardView.class, new RouteParameters(ScorecardView.BRANCH_ID,
                String.valueOf(meiyuan())));
        ScorecardView page = _get(ScorecardView.class);
        assertThat(_find(page.lines, H3.class)).hasSize(6);
        assertThat(page.lines.getElement().getTextRecursively()).contains("平台计分", "三会一课按期召开");
        assertThat(page.status.getText()).contains("还有 21 项自评");

        page.submit.click();
        assertThat(page.status.getText()).as("nothing handed in").contains("还有 21 项自评");

        Div first = _find(page.lines, Div.class, spec -> spec.withClasses("ydk-scorecard-form")).getFirst();
        _find(first, BigDecimalField.class).getFirst().setValue(new BigDecimal("4"));
        _find(first, TextArea.class).getFirst().setValue("支部 13 名党员全部编入，名册见附件。");
        _find(first, Button.class, spec -> spec.withText("保存自评")).getFirst().click();
        assertThat(page.status.getText()).contains("还有 20 项自评");
        assertThat(page.lines.getElement().getTextRecursively()).contains("自评 4 分。依据：支部 13 名党员全部编入");

        TextArea reason = _find(page.models, TextArea.class).getFirst();
        reason.setValue("三会一课坚持得好");
        _find(page.models, Button.class, spec -> spec.withText("推荐为示范支部")).getFirst().click();
        assertThat(page.models.getElement().getTextRecursively()).contains("县（区）级示范支部：等待审核");
    }

    @AfterEach
    void removeWhatWasMade() {
        jdbc.update("delete from scorecard_assessment");
        jdbc.update("delete from model_branch");
    }

    private long meiyuan() {
        return jdbc.queryForObject("select id from branch where name = '梅园新村社区离退休干部党支部'", Long.class);
    }
}
