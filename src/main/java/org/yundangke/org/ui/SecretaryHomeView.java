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

/** A secretary's home: the branches they lead, each opening its member list. */
@Route("secretary")
@Menu(order = 10, icon = "vaadin:group", title = "nav.secretary.home")
@RolesAllowed("SECRETARY")
class SecretaryHomeView extends VerticalLayout implements HasDynamicTitle {

    final Div cards = new Div();

    SecretaryHomeView(OrgDirectory directory) {
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
        Div card = new Div(link, facts, study, credit);
        card.addClassName("ydk-card");
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.secretary.home");
    }
}
