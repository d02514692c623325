package org.yundangke.branch.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yundangke.KaribuTest;
import org.yundangke.org.OrgDirectory;

/** The bell shows the member's unread notices; 消息 lists them as cards and marks them read, and the number goes. */
class NoticesViewTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OrgDirectory directory;

    @Test
    void the_bell_counts_unread_notices_and_the_page_reads_them() {
        login("member");
        long member = directory.currentActor().memberId();
        jdbc.update("insert into branch_notice (member_id, kind, notice_day, args, created_at) values"
                + " (?, 'NUDGE', ?, '李书记|党章学习', ?)", member, LocalDate.now(ZoneId.of("Asia/Shanghai")),
                Timestamp.from(Instant.now()));
        UI.getCurrent().navigate("settings");
        Anchor bell = _find(Anchor.class, spec -> spec.withClasses("ydk-bell")).getFirst();
        assertThat(bell.getElement().getAttribute("aria-label")).isEqualTo("消息，有 1 条新消息");

        UI.getCurrent().navigate(NoticesView.class);
        NoticesView page = _get(NoticesView.class);
        assertThat(page.cards.getElement().getTextRecursively()).contains("李书记 提醒您：《党章学习》还没有学完");
        UI.getCurrent().navigate("settings");
        assertThat(bell.getElement().getAttribute("aria-label")).isEqualTo("消息，没有新消息");
    }

    @Test
    void staff_without_a_member_record_have_no_bell() {
        login("lecturer");
        UI.getCurrent().navigate("settings");
        assertThat(_find(Anchor.class, spec -> spec.withClasses("ydk-bell"))).isEmpty();
    }

    @AfterEach
    void removeNotices() {
        jdbc.update("delete from branch_notice");
    }
}
