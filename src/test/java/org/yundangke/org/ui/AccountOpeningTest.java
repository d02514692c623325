package org.yundangke.org.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.RouteParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.yundangke.KaribuTest;
import org.yundangke.base.UserError;
import org.yundangke.org.Accounts;

/**
 * A member of the branch has no login: the secretary opens one in one step, the user name is the member's mobile
 * number, the password works once and the first login asks for a new one; the sheet to hand over shows both.
 */
class AccountOpeningTest extends KaribuTest {

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Test
    void the_secretary_opens_a_login_named_by_the_mobile_number_with_a_password_that_works_once() {
        String phone = "138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        long memberId = newMeiyuanMember("新党员", phone);
        logins.as("secretary");
        Accounts.NewLogin login = accounts.openFor(memberId);

        assertThat(login.username()).isEqualTo(phone);
        assertThat(login.oneTimePassword()).matches("\\d{8}");
        assertThat(encoder.matches(login.oneTimePassword(), jdbc.queryForObject(
                "select password_hash from user_account where username = ?", String.class, phone))).isTrue();
        assertThat(accounts.mustChangePassword(phone)).as("the first login asks for their own password").isTrue();
        assertThat(jdbc.queryForObject("select count(*) from user_role r join user_account a on a.id = r.user_id"
                + " where a.username = ? and r.role = 'MEMBER'", Integer.class, phone)).isOne();
        assertThatThrownBy(() -> accounts.openFor(memberId)).as("only one login per member")
                .isInstanceOf(UserError.class);
    }

    @Test
    void a_number_someone_already_logs_in_with_is_not_taken_twice() {
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        long first = newMeiyuanMember("甲", phone);
        long second = newMeiyuanMember("乙", phone); // a couple sharing one phone
        logins.as("secretary");
        assertThat(accounts.openFor(first).username()).isEqualTo(phone);
        assertThat(accounts.openFor(second).username()).isEqualTo("yd" + second);
    }

    @Test
    void no_login_is_opened_outside_the_secretarys_branch_nor_by_a_member() {
        long elsewhere = jdbc.queryForObject("select min(m.id) from member m join branch b on b.id = m.primary_branch_id"
                + " where b.name = '平江街道社区离退休干部党支部'", Long.class);
        logins.as("secretary");
        assertThatThrownBy(() -> accounts.openFor(elsewhere)).isInstanceOf(AccessDeniedException.class);
        long mine = newMeiyuanMember("丙", null);
        logins.as("member");
        assertThatThrownBy(() -> accounts.openFor(mine)).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from user_account where member_id in (?, ?)", Integer.class,
                elsewhere, mine)).isZero();
    }

    @Test
    void on_the_branch_page_one_tap_opens_the_login_and_shows_the_sheet_to_print() {
        long memberId = newMeiyuanMember("丁" + ThreadLocalRandom.current().nextInt(1000), null);
        long meiyuan = meiyuan();
        login("secretary");
        UI.getCurrent().navigate(BranchMembersView.class,
                new RouteParameters(BranchMembersView.BRANCH_ID, String.valueOf(meiyuan)));
        BranchMembersView page = _get(BranchMembersView.class);
        int row = IntStream.range(0, GridKt._size(page.grid))
                .filter(i -> GridKt._get(page.grid, i).id() == memberId).findFirst().orElseThrow();
        Button open = (Button) GridKt._getCellComponent(page.grid, row, "actions");
        assertThat(open.getText()).isEqualTo("开通账号");
        open.click();

        LoginSheet sheet = _get(LoginSheet.class);
        String text = sheet.sheet.getElement().getTextRecursively();
        assertThat(text).contains("yd" + memberId, "只能用一次");
        assertThat(text).containsPattern("\\d{8}");
        assertThat(accounts.mustChangePassword("yd" + memberId)).isTrue();
    }

    /** Members made here, removed again with their logins: the demo branch stays as other tests count it. */
    private final List<Long> made = new ArrayList<>();

    private long newMeiyuanMember(String name, String phone) {
        jdbc.update("insert into member (name, phone, primary_branch_id) values (?, ?, ?)", name, phone, meiyuan());
        long id = jdbc.queryForObject("select max(id) from member where name = ?", Long.class, name);
        made.add(id);
        return id;
    }

    @AfterEach
    void removeTheMembersMadeHere() {
        for (long id : made) {
            jdbc.update("delete from user_role where user_id in (select id from user_account where member_id = ?)", id);
            jdbc.update("delete from user_account where member_id = ?", id);
            jdbc.update("delete from member where id = ?", id);
        }
    }

    private long meiyuan() {
        return jdbc.queryForObject("select id from branch where name = '梅园新村社区离退休干部党支部'", Long.class);
    }
}
