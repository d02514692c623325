package org.yundangke.org.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.yundangke.base.ui.EmptyState;
import java.util.List;
import org.yundangke.org.BranchInfo;
import org.yundangke.org.OrgDirectory;
import org.yundangke.org.MemberInfo;
import org.yundangke.base.StudyCalendar;
import java.util.stream.Collectors;
import java.time.LocalDate;

/**
 * A secretary's home: the branches they lead, each opening its member list, study and credit, with the members whose
 * 政治生日 falls this month.
 */
@Route("secretary")
@Menu(order = 10, icon = "vaadin:group", title = "nav.secretary.home")
@RolesAllowed("SECRETARY")
class SecretaryHomeView extends VerticalLayout implements HasDynamicTitle {

    final Div cards = new Div();

    private final OrgDirectory directory;
    private final LocalDate today;

    SecretaryHomeView(OrgDirectory directory, StudyCalendar calendar) {
        this.directory = directory;
        this.today = calendar.today();
        addClassName("ydk-page");
        add(new H2(getTranslation("secretary.home.title")));
        cards.addClassName("ydk-cards");
        List<BranchInfo> led = directory.branchesInScope();
        if (led.isEmpty()) {
            add(new EmptyState(getTranslation("secretary.home.empty.title"), getTranslation("secretary.home.empty.text")));
        }
        led.forEach(branch -> cards.add(card(branch)));
        add(cards);
    }

    private Div card(BranchInfo branch) {
        RouterLink link = new RouterLink(branch.name(), BranchMembersView.class,
                new RouteParameters(BranchMembersView.BRANCH_ID, String.valueOf(branch.id())));
        Span facts = new Span(getTranslation("branch.kind." + branch.kind()) + " · "
                + getTranslation("branch.members", branch.memberCount()));
        Div card = new Div(link, facts, action(branch, "study", "secretary.home.study"),
                action(branch, "matrix", "secretary.home.matrix"), action(branch, "events", "secretary.home.events"),
                action(branch, "scorecard", "secretary.home.scorecard"), action(branch, "groups", "secretary.home.groups"),
                action(branch, "credit", "secretary.home.credit"));
        List<MemberInfo> birthdays = directory.partyBirthdays(branch.id(), today.getMonth());
        if (!birthdays.isEmpty()) {
            Span line = new Span(getTranslation("secretary.home.birthdays", today.getMonthValue(), birthdays.stream()
                    .map(this::birthday).collect(Collectors.joining("、"))));
            line.addClassName("ydk-card-note");
            card.add(line);
        }
        card.addClassName("ydk-card");
        return card;
    }

    /** One of the branch's pages in other modules, by its route (org does not know those modules). */
    private Anchor action(BranchInfo branch, String page, String key) {
        Anchor action = new Anchor("branches/" + branch.id() + "/" + page, getTranslation(key));
        action.getElement().setAttribute("router-link", true);
        action.addClassName("ydk-card-action");
        return action;
    }

    /** "张三（12月3日，入党 45 年）": the day, and the years in the Party it completes this year. */
    private String birthday(MemberInfo member) {
        LocalDate joined = member.partyJoinDate();
        return getTranslation("secretary.home.birthday", member.name(), joined.getMonthValue(), joined.getDayOfMonth(),
                today.getYear() - joined.getYear());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.secretary.home");
    }
}
