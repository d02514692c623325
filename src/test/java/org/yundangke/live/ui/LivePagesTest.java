package org.yundangke.live.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yundangke.KaribuTest;
import org.yundangke.live.LiveMode;

/**
 * The live pages as people use them: a lecturer schedules by meeting link and in the app (refused with a message for
 * a bad link, nothing saved), a member finds the session on the home and under 直播, joins by the big button or the QR
 * code, and says "我已参加" once it is on.
 */
class LivePagesTest extends KaribuTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_lecturer_schedules_and_a_member_finds_joins_and_checks_in() {
        login("lecturer");
        UI.getCurrent().navigate(LiveManageView.class);
        LiveManageView manage = _get(LiveManageView.class);
        String title = "网上专题报告会 " + UUID.randomUUID().toString().substring(0, 6);
        fill(manage, title, LiveMode.LINK);
        manage.joinUrl.setValue("meeting.tencent.com/dm/abc"); // no https://
        manage.schedule.click();
        assertThat(count(title)).as("a bad link saves nothing").isZero();
        manage.joinUrl.setValue("https://meeting.tencent.com/dm/abc");
        manage.schedule.click();
        assertThat(count(title)).isOne();
        assertThat(manage.sessionCards.getElement().getTextRecursively()).contains(title, "会议链接", "看满 60% 计为出勤");

        String inApp = title + "（本平台）";
        fill(manage, inApp, LiveMode.APP);
        manage.schedule.click();
        com.vaadin.flow.component.Component card = manage.sessionCards.getChildren()
                .filter(c -> c.getElement().getTextRecursively().contains(inApp)).findFirst().orElseThrow();
        assertThat(_find(card, PasswordField.class)).as("the stream key and the SRT address, hidden")
                .extracting(PasswordField::getValue).hasSize(2)
                .anySatisfy(k -> assertThat(k).matches("[0-9a-f]{40}"))
                .anySatisfy(k -> assertThat(k).matches("srt://[^/]+:\\d+\\?passphrase=[0-9a-f]{40}"));
        assertThat(_find(card, TextField.class)).extracting(TextField::getValue)
                .anySatisfy(v -> assertThat(v).matches("rtmp://[^/]+:\\d+/live"));

        login("member");
        UI.getCurrent().navigate("member");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst().getElement()
                .getTextRecursively()).contains("直播和报告会", title, "明天上午 9:00");
        UI.getCurrent().navigate(LiveListView.class);
        assertThat(_get(LiveListView.class).upcoming.getElement().getTextRecursively()).contains(title, "会议链接");

        UUID id = jdbc.queryForObject("select id from live_session where title = ?", UUID.class, title);
        UI.getCurrent().navigate(LiveView.class, new RouteParameters(LiveView.SESSION_ID, id.toString()));
        LiveView page = _get(LiveView.class);
        Anchor join = _find(page.way, Anchor.class).getFirst();
        assertThat(join.getHref()).isEqualTo("https://meeting.tencent.com/dm/abc");
        assertThat(join.getText()).isEqualTo("进入会议");
        assertThat(_get(page.way, Image.class).getSrc()).startsWith("data:image/png;base64,");
        assertThat(page.way.getElement().getTextRecursively()).contains("会议开始后，这里会出现“我已参加”按钮。");
        assertThat(page.checkIn.isAttached()).isFalse();

        jdbc.update("update live_session set starts_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(5))), id); // it has begun
        UI.getCurrent().navigate(LiveView.class, new RouteParameters(LiveView.SESSION_ID, id.toString()));
        page = _get(LiveView.class);
        assertThat(page.countdown.getText()).isEqualTo("正在直播");
        page.checkIn.click();
        assertThat(page.standing.getText()).isEqualTo("已计入出勤（已点“我已参加”）");
    }

    @Test
    void a_secretary_records_group_watching_and_sees_who_is_absent_with_a_number_to_call() {
        login("lecturer");
        UI.getCurrent().navigate(LiveManageView.class);
        LiveManageView manage = _get(LiveManageView.class);
        String title = "集中收看 " + UUID.randomUUID().toString().substring(0, 6);
        fill(manage, title, LiveMode.LINK);
        manage.joinUrl.setValue("https://meeting.tencent.com/dm/abc");
        manage.schedule.click();
        UUID id = jdbc.queryForObject("select id from live_session where title = ?", UUID.class, title);
        jdbc.update("update live_session set starts_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(5))), id);

        login("secretary");
        UI.getCurrent().navigate(LiveAttendanceView.class, new RouteParameters(LiveView.SESSION_ID, id.toString()));
        LiveAttendanceView page = _get(LiveAttendanceView.class);
        assertThat(page.summary.getText()).matches("共 \\d+ 人：参加 0 人，部分参加 0 人，缺席 \\d+ 人");
        var offline = page.present.getListDataView().getItems().filter(m -> m.username() == null).limit(2).toList();
        page.present.setValue(java.util.Set.copyOf(offline));
        page.recordGroup.click();
        assertThat(page.summary.getText()).contains("参加 2 人");
        assertThat(page.present.getValue()).containsAll(offline);
        String rows = page.members.getElement().getTextRecursively();
        assertThat(rows).contains(offline.getFirst().name(), "已参加 · 集中收看", "缺席", "打电话 139");
        assertThat(_find(page.members, Anchor.class)).allSatisfy(a -> assertThat(a.getHref()).startsWith("tel:"));
    }

    private static void fill(LiveManageView manage, String title, LiveMode mode) {
        manage.title.setValue(title);
        manage.speaker.setValue("周宣讲");
        manage.day.setValue(java.time.LocalDate.now(BEIJING).plusDays(1));
        manage.start.setValue(LocalTime.of(9, 0));
        manage.end.setValue(LocalTime.of(10, 30));
        manage.mode.setValue(mode);
    }

    private int count(String title) {
        Integer found = jdbc.queryForObject("select count(*) from live_session where title = ?", Integer.class, title);
        return found == null ? 0 : found;
    }
}
