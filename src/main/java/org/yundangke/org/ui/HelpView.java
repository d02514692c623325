package org.yundangke.org.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.yundangke.org.BranchSecretary;
import org.yundangke.org.Mobile;
import org.yundangke.org.OrgDirectory;
import org.yundangke.org.Role;

/**
 * 如何使用: who to ask (for a member, their branch secretary's name and phone, one tap to call), then the member's way
 * through the app in five steps, each with a picture of that page on a phone.
 */
@Route("help")
@Menu(order = 90, icon = "vaadin:question-circle", title = "nav.help")
@PermitAll
class HelpView extends Main implements HasDynamicTitle {

    static final int STEPS = 5;

    final Section ask = new Section();

    HelpView(OrgDirectory directory) {
        addClassNames("ydk-page", "ydk-help");
        add(new H1(getTranslation("help.title")));
        ask.add(new H2(getTranslation("help.ask")));
        boolean member = directory.currentActor().roles().contains(Role.MEMBER);
        List<BranchSecretary> secretaries = member ? directory.mySecretaries() : List.of();
        if (secretaries.isEmpty()) {
            ask.add(new Paragraph(getTranslation(member ? "help.ask.none" : "help.ask.staff")));
        }
        secretaries.forEach(s -> ask.add(contact(s)));
        add(ask);

        OrderedList steps = new OrderedList();
        steps.addClassName("ydk-help-steps");
        for (int n = 1; n <= STEPS; n++) {
            Image picture = new Image("/ydk/help/step-" + n + ".png", getTranslation("help.step." + n + ".picture"));
            picture.getElement().setAttribute("width", "300");
            picture.getElement().setAttribute("height", "650");
            Span title = new Span(getTranslation("help.step." + n + ".title"));
            title.addClassName("ydk-help-step-title");
            steps.add(new ListItem(title, new Paragraph(getTranslation("help.step." + n + ".text")), picture));
        }
        add(new Section(new H2(getTranslation("help.steps")), steps));
    }

    private Div contact(BranchSecretary secretary) {
        Div card = new Div(new Span(getTranslation("help.secretary", secretary.branchName(), secretary.name())));
        card.addClassName("ydk-card");
        if (secretary.phone() != null && !secretary.phone().isBlank()) {
            Span number = new Span(spoken(secretary.phone()));
            number.addClassName("ydk-phone"); // breaks only between its groups, never inside one
            Anchor call = new Anchor("tel:" + secretary.phone().replaceAll("[^0-9+]", ""));
            call.add(new Span(getTranslation("help.call")), number);
            call.addClassName("ydk-big-button");
            card.add(call);
        }
        return card;
    }

    /** A mobile number as it is read out and written in China, 139 0000 1000; any other number as it is. */
    static String spoken(String phone) {
        return Mobile.digits(phone).map(digits -> digits.substring(0, 3) + " " + digits.substring(3, 7) + " "
                + digits.substring(7)).orElse(phone);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("help.title");
    }
}
