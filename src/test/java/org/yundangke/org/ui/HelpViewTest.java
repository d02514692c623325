package org.yundangke.org.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Image;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yundangke.KaribuTest;

/** 如何使用: a member finds their branch secretary's name and a number to call, and five steps with pictures. */
class HelpViewTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_member_sees_the_secretary_of_their_branch_with_one_tap_to_call_and_five_pictured_steps() {
        login("member");
        UI.getCurrent().navigate("help");
        HelpView help = _get(HelpView.class);
        String secretary = jdbc.queryForObject("select m.name from branch_secretary s join user_account u"
                + " on u.id = s.user_id join member m on m.id = u.member_id", String.class);
        String phone = jdbc.queryForObject("select m.phone from user_account u join member m on m.id = u.member_id"
                + " where u.username = 'secretary'", String.class);
        assertThat(help.ask.getElement().getTextRecursively())
                .contains("梅园新村社区离退休干部党支部", "书记：" + secretary);
        assertThat(_find(help.ask, Anchor.class)).extracting(Anchor::getHref).containsExactly("tel:" + phone);
        assertThat(help.ask.getElement().getTextRecursively()).as("read out in groups")
                .contains(phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7));
        assertThat(_find(help, Image.class)).hasSize(HelpView.STEPS)
                .allSatisfy(picture -> assertThat(picture.getAlt()).hasValueSatisfying(alt -> assertThat(alt).isNotBlank()));
    }

    @Test
    void staff_are_told_to_ask_their_committee() {
        login("lecturer");
        UI.getCurrent().navigate("help");
        HelpView help = _get(HelpView.class);
        assertThat(help.ask.getElement().getTextRecursively()).contains("工委的管理员");
        assertThat(_find(help.ask, Anchor.class)).isEmpty();
    }
}
