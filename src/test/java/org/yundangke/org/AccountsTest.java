package org.yundangke.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Logins;
import org.yundangke.base.UserError;

/**
 * A member of the secretary's branch forgot their password: the secretary gives them a one-time password, which
 * works once and must then be replaced; devices that remembered the member forget them.
 */
@SpringBootTest
@ActiveProfiles("test")
class AccountsTest {

    @Autowired
    Accounts accounts;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder encoder;

    String username;
    long memberId;

    @BeforeEach
    void aMeiyuanMemberWithALogin() {
        memberId = jdbc.queryForObject("select min(m.id) from member m join branch b on b.id = m.primary_branch_id"
                + " where b.name = '梅园新村社区离退休干部党支部' and not exists (select 1 from user_account a"
                + " where a.member_id = m.id)", Long.class);
        username = "m" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("insert into user_account (username, password_hash, display_name, member_id) values (?, ?, ?, ?)",
                username, encoder.encode("old-password"), "老党员", memberId);
        jdbc.update("insert into user_role (user_id, role) select id, 'MEMBER' from user_account where username = ?",
                username);
        jdbc.update("insert into persistent_logins (username, series, token, last_used) values (?, ?, 't', now())",
                username, UUID.randomUUID().toString().substring(0, 20));
    }

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void the_secretary_resets_a_member_of_their_branch_and_the_member_must_choose_a_new_password() {
        logins.as("secretary");
        String oneTime = accounts.resetPassword(memberId);
        assertThat(oneTime).matches("\\d{8}");
        assertThat(passwordMatches(oneTime)).isTrue();
        assertThat(passwordMatches("old-password")).isFalse();
        assertThat(accounts.mustChangePassword(username)).isTrue();
        assertThat(rememberedDevices()).as("every remembered device forgets the member").isZero();

        logins.as(username);
        assertThatThrownBy(() -> accounts.changeMyPassword("", "12345", "12345")).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> accounts.changeMyPassword("", "my-own-1", "my-own-2")).isInstanceOf(UserError.class);
        assertThatThrownBy(() -> accounts.changeMyPassword("", oneTime, oneTime)).isInstanceOf(UserError.class);
        String tooLong = "为人民服务".repeat(5); // 25 characters, 75 bytes: more than the hash reads
        assertThatThrownBy(() -> accounts.changeMyPassword("", tooLong, tooLong)).isInstanceOf(UserError.class);
        accounts.changeMyPassword("", "my-own-password", "my-own-password");
        assertThat(accounts.mustChangePassword(username)).isFalse();
        assertThat(passwordMatches("my-own-password")).isTrue();

        // from now on a change needs the current password (a remembered device left unlocked is not enough)
        assertThatThrownBy(() -> accounts.changeMyPassword("wrong", "another-one", "another-one"))
                .isInstanceOf(UserError.class);
        accounts.changeMyPassword("my-own-password", "another-one", "another-one");
        assertThat(passwordMatches("another-one")).isTrue();
    }

    @Test
    void staff_logins_are_not_reset_by_a_secretary_or_an_admin() {
        long secretarysOwnMember = jdbc.queryForObject("select member_id from user_account where username = 'secretary'",
                Long.class);
        logins.as("admin");
        assertThatThrownBy(() -> accounts.resetPassword(secretarysOwnMember)).isInstanceOf(AccessDeniedException.class);
        logins.as("secretary");
        assertThatThrownBy(() -> accounts.resetPassword(secretarysOwnMember)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_secretary_cannot_reset_outside_their_branch_nor_a_member_at_all() {
        long elsewhere = jdbc.queryForObject("select min(m.id) from member m join branch b on b.id = m.primary_branch_id"
                + " where b.name = '平江街道社区离退休干部党支部'", Long.class);
        logins.as("secretary");
        assertThatThrownBy(() -> accounts.resetPassword(elsewhere)).isInstanceOf(AccessDeniedException.class);
        logins.as("member");
        assertThatThrownBy(() -> accounts.resetPassword(memberId)).isInstanceOf(AccessDeniedException.class);
        assertThat(passwordMatches("old-password")).isTrue();
    }

    @Test
    void an_admin_resets_within_their_subtree_and_a_member_without_a_login_is_told_so() {
        logins.as("admin");
        assertThat(accounts.resetPassword(memberId)).hasSize(8);
        long noLogin = jdbc.queryForObject("select max(m.id) from member m join branch b on b.id = m.primary_branch_id"
                + " where b.name = '梅园新村社区离退休干部党支部' and not exists (select 1 from user_account a"
                + " where a.member_id = m.id)", Long.class);
        assertThatThrownBy(() -> accounts.resetPassword(noLogin)).isInstanceOf(UserError.class);
    }

    private boolean passwordMatches(String password) {
        return encoder.matches(password, jdbc.queryForObject("select password_hash from user_account where username = ?",
                String.class, username));
    }

    private int rememberedDevices() {
        return jdbc.queryForObject("select count(*) from persistent_logins where username = ?", Integer.class, username);
    }
}
