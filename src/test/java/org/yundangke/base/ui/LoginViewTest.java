package org.yundangke.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yundangke.KaribuTest;

/** The login page in plain words: a wrong password, a wait, a block, and the box to stay logged in. */
class LoginViewTest extends KaribuTest {

    @Test
    void a_blocked_login_says_how_long_to_wait_and_who_can_help() {
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "blocked", "wait", "14")));
        LoginView login = _get(LoginView.class);
        assertThat(login.form.isError()).isTrue();
        assertThat(texts(login)).contains("5 次", "14 分钟", "支部书记");
        assertThat(login.remember.getElement().getAttribute("name")).isEqualTo("remember-me");
        assertThat(login.remember.getElement().getAttribute("slot")).isEqualTo("custom-form-area");

        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "wait", "wait", "4")));
        assertThat(texts(_get(LoginView.class))).contains("4 秒");

        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));
        assertThat(texts(_get(LoginView.class))).contains("用户名或密码不正确");
    }

    /** The form's texts as the browser receives them. */
    private static String texts(LoginView login) {
        return String.valueOf(login.form.getElement().getPropertyRaw("i18n"));
    }
}
