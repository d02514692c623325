package org.yundangke.org.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yundangke.KaribuTest;
import org.yundangke.org.MemberAccount;

/** The secretary makes a Party group by ticking members, sees it as a card, renames it and removes it again. */
class BranchGroupsViewTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_group_is_made_changed_and_deleted_from_its_card() {
        login("secretary");
        UI.getCurrent().navigate(BranchGroupsView.class,
                new RouteParameters(BranchGroupsView.BRANCH_ID, String.valueOf(meiyuan())));
        BranchGroupsView page = _get(BranchGroupsView.class);
        assertThat(page.cards.getElement().getTextRecursively()).contains("还没有党小组");

        page.name.setValue("第一党小组");
        Set<MemberAccount> two = page.members.getListDataView().getItems().limit(2).collect(Collectors.toSet());
        page.members.setValue(two);
        page.save.click();
        assertThat(page.cards.getElement().getTextRecursively()).contains("第一党小组（2 人）");

        _get(page.cards, com.vaadin.flow.component.button.Button.class, spec -> spec.withText("修改")).click();
        assertThat(page.name.getValue()).isEqualTo("第一党小组");
        assertThat(page.members.getValue()).isEqualTo(two);
        page.name.setValue("老干部小组");
        page.save.click();
        assertThat(page.cards.getElement().getTextRecursively()).contains("老干部小组（2 人）")
                .doesNotContain("第一党小组");
        assertThat(jdbc.queryForObject("select count(*) from branch_group where branch_id = ?", Integer.class,
                meiyuan())).isOne();
    }

    @AfterEach
    void removeTheGroups() {
        jdbc.update("delete from branch_group_member where group_id in (select id from branch_group where branch_id = ?)",
                meiyuan());
        jdbc.update("delete from branch_group where branch_id = ?", meiyuan());
    }

    private long meiyuan() {
        return jdbc.queryForObject("select id from branch where name = '梅园新村社区离退休干部党支部'", Long.class);
    }
}
