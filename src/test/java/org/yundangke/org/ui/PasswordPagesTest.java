package org.yundangke.org.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.yundangke.KaribuTest;

/** After a secretary's reset, only the password page opens until the member chose their own password. */
class PasswordPagesTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void after_a_reset_only_the_password_page_opens_until_the_member_chose_their_own() {
        String username = memberWithOneTimePassword();
        login(username);
        UI.getCurrent().navigate("record");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst())
                .isInstanceOf(ChangePasswordView.class);

        ChangePasswordView page = _get(ChangePasswordView.class);
        page.password.setValue("new-secret-1");
        page.repeated.setValue("new-secret-2");
        _click(page.save);
        assertThat(page.done.getText()).isEmpty();
        page.repeated.setValue("new-secret-1");
        _click(page.save);

        UI.getCurrent().navigate("record");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst())
                .isNotInstanceOf(ChangePasswordView.class);
        assertThat(jdbc.queryForObject("select must_change_password from user_account where username = ?",
                Boolean.class, username)).isFalse();
    }

    private String memberWithOneTimePassword() {
        long memberId = jdbc.queryForObject("select max(m.id) from member m join branch b on b.id = m.primary_branch_id"
                + " where b.name = '鼓楼区老年大学离退休干部党支部' and not exists (select 1 from user_account a"
                + " where a.member_id = m.id)", Long.class);
        String username = "p" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("insert into user_account (username, password_hash, display_name, member_id, must_change_password)"
                + " values (?, ?, '老党员', ?, true)", username, encoder.encode("12345678"), memberId);
        jdbc.update("insert into user_role (user_id, role) select id, 'MEMBER' from user_account where username = ?",
                username);
        return username;
    }
}
