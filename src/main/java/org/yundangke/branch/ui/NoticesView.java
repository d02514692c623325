package org.yundangke.branch.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.yundangke.base.ui.EmptyState;
import org.yundangke.branch.Notices;

/**
 * 消息: the member's reminders, newest first, each a whole card that opens their home (where the assigned study is
 * first); opening the page marks them read, so the bell's number goes.
 */
@Route("notices")
@PermitAll
class NoticesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final Div cards = new Div();
    private final Notices notices;

    NoticesView(Notices notices) {
        this.notices = notices;
        addClassName("ydk-page");
        cards.addClassName("ydk-cards");
        add(new H2(getTranslation("notice.page")), cards);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        cards.removeAll();
        List<Notices.Notice> mine = notices.mine();
        if (mine.isEmpty()) {
            cards.add(new EmptyState(getTranslation("notice.empty.title"), getTranslation("notice.empty.text")));
        }
        for (Notices.Notice notice : mine) {
            Anchor card = new Anchor("", new Span(getTranslation("notice.day", notice.day().getMonthValue(),
                    notice.day().getDayOfMonth())), new Paragraph(notices.text(notice, getLocale())));
            card.getElement().setAttribute("router-link", true);
            card.addClassNames("ydk-card", "ydk-card-link", "ydk-notice");
            if (!notice.read()) {
                card.addClassName("ydk-notice-unread");
            }
            cards.add(card);
        }
        notices.readAll();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notice.page");
    }
}
