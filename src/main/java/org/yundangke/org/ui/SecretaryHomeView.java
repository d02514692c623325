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
        // the study module's page for the branch (a route name: org does not know the study module)
        Anchor study = new Anchor("branches/" + branch.id() + "/study", getTranslation("secretary.home.study"));
        study.getElement().setAttribute("router-link", true);
        study.addClassName("ydk-card-action");
        Anchor credit = new Anchor("branches/" + branch.id() + "/credit", getTranslation("secretary.home.credit"));
        credit.getElement().setAttribute("router-link", true);
        credit.addClassName("ydk-card-action");
        Anchor groups = new Anchor("branches/" + branch.id() + "/groups", getTranslation("secretary.home.groups"));
        groups.getElement().setAttribute("router-link", true);
        groups.addClassName("ydk-card-action");
        Anchor matrix = new Anchor("branches/" + branch.id() + "/matrix", getTranslation("secretary.home.matrix"));
        matrix.getElement().setAttribute("router-link", true);
        matrix.addClassName("ydk-card-action");
        Anchor events = new Anchor("branches/" + branch.id() + "/events", getTranslation("secretary.home.events"));
        events.getElement().setAttribute("router-link", true);
        events.addClassName("ydk-card-action");
        Div card = new Div(link, facts, study, matrix, events, groups, credit);
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
