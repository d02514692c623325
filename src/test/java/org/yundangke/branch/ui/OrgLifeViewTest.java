package org.yundangke.branch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.RouteParameters;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yundangke.KaribuTest;

/** The secretary schedules a 主题党日 on 组织生活, opens it and marks a member present: the tally says so. */
class OrgLifeViewTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_event_is_scheduled_from_the_form_and_attendance_is_taken_on_its_page() {
        login("secretary");
        UI.getCurrent().navigate(OrgLifeView.class, new RouteParameters(OrgLifeView.BRANCH_ID, String.valueOf(meiyuan())));
        OrgLifeView page = _get(OrgLifeView.class);
        assertThat(page.cards.getElement().getTextRecursively()).contains("还没有安排活动");
        page.kind.setValue(org.yundangke.branch.OrgLife.Kind.PARTY_DAY);
        page.topic.setValue("重温入党誓词");
        page.schedule.click();
        assertThat(page.cards.getElement().getTextRecursively()).contains("重温入党誓词", "主题党日", "到会 0");

        UUID id = jdbc.queryForObject("select id from org_event where topic = '重温入党誓词'", UUID.class);
        UI.getCurrent().navigate(AttendanceView.class, new RouteParameters(AttendanceView.EVENT_ID, id.toString()));
        AttendanceView attendance = _get(AttendanceView.class);
        assertThat(attendance.title.getText()).isEqualTo("重温入党誓词");
        _find(attendance.rows, Button.class, spec -> spec.withText("到会")).getFirst().click();
        assertThat(attendance.tally.getText()).startsWith("到会 1 人");
    }

    @AfterEach
    void removeEvents() {
        jdbc.update("delete from org_event_attendance where event_id in (select id from org_event where branch_id = ?)",
                meiyuan());
        jdbc.update("delete from org_event where branch_id = ?", meiyuan());
    }

    private long meiyuan() {
        return jdbc.queryForObject("select id from branch where name = '梅园新村社区离退休干部党支部'", Long.class);
    }
}
