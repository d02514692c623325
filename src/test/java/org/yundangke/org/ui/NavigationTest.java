package org.yundangke.org.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yundangke.KaribuTest;
import org.yundangke.base.ui.AccessDeniedView;
import org.yundangke.base.ui.LoginView;
import org.yundangke.org.MemberInfo;

class NavigationTest extends KaribuTest {

    @ParameterizedTest(name = "{0} lands on {1}")
    @CsvSource({
            "member,    MemberHomeView,    我的学习|课程目录|答题|直播|我的学习档案|记实|如何使用",
            "secretary, SecretaryHomeView, 我的学习|课程目录|答题|直播|我的学习档案|记实|我的支部|学习统计|测验成绩|如何使用",
            "lecturer,  LecturerHomeView,  我的讲座|讲座视频|党课管理|题库|测验管理|直播安排|如何使用",
            "admin,     AdminHomeView,     组织概览|讲座视频|党课管理|题库|测验管理|直播安排|学习统计|测验成绩|学时积分统计|学分规则|考评标准|如何使用",
            "province,  AdminHomeView,     组织概览|讲座视频|党课管理|题库|测验管理|直播安排|学习统计|测验成绩|学时积分统计|学分规则|考评标准|如何使用"})
    void each_role_lands_on_its_home_and_sees_its_navigation(String username, String home, String menu) {
        login(username);
        UI.getCurrent().navigate("");
        assertThat(currentView().getClass().getSimpleName()).isEqualTo(home);
        assertThat(menuLabels()).containsExactly(menu.split("\\|"));
    }

    @Test
    void nobody_logged_in_is_sent_to_the_login() {
        UI.getCurrent().navigate("");
        assertThat(currentView()).isInstanceOf(LoginView.class);
    }

    @Test
    void a_member_is_refused_the_secretary_views() {
        login("member");
        UI.getCurrent().navigate(SecretaryHomeView.class);
        assertThat(currentView()).isInstanceOf(AccessDeniedView.class);
        UI.getCurrent().navigate("branches/1");
        assertThat(currentView()).isInstanceOf(AccessDeniedView.class);
        assertThat(_find(BranchMembersView.class)).isEmpty();
    }

    @Test
    void a_secretary_opens_their_branch_but_not_another() {
        login("secretary");
        UI.getCurrent().navigate(SecretaryHomeView.class);
        SecretaryHomeView home = _get(SecretaryHomeView.class);
        assertThat(home.cards.getChildren().count()).isEqualTo(1);

        String led = branchIdOfFirstCard(home);
        UI.getCurrent().navigate(BranchMembersView.class, new RouteParameters(BranchMembersView.BRANCH_ID, led));
        BranchMembersView members = _get(BranchMembersView.class);
        assertThat(members.title.getText()).isEqualTo("梅园新村社区离退休干部党支部");
        assertThat(GridKt._size(members.grid)).isEqualTo(13);
        MemberInfo first = GridKt._get(members.grid, 0);
        assertThat(first.name()).isNotBlank();

        String notLed = String.valueOf(Long.parseLong(led) + 4);
        UI.getCurrent().navigate(BranchMembersView.class, new RouteParameters(BranchMembersView.BRANCH_ID, notLed));
        assertThat(currentView()).isInstanceOf(AccessDeniedView.class);
    }

    /** The view itself: the first entry of the active chain (the layouts follow it). */
    private static Object currentView() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst();
    }

    private static List<String> menuLabels() {
        // the side navigation is one piece of HTML (MainLayout): its items' words
        Html nav = _get(Html.class,
                spec -> spec.withPredicate(html -> html.getElement().getTag().equals("vaadin-side-nav")));
        return org.jsoup.Jsoup.parseBodyFragment(nav.getInnerHtml()).select("vaadin-side-nav-item").eachText();
    }

    private static String branchIdOfFirstCard(SecretaryHomeView home) {
        com.vaadin.flow.router.RouterLink link = _get(home.cards, com.vaadin.flow.router.RouterLink.class, spec -> {});
        String href = link.getHref();
        return href.substring(href.lastIndexOf('/') + 1);
    }
}
