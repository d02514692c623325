package org.yundangke.study.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.yundangke.base.ui.EmptyState;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.catalogue.LessonSearch;
import org.yundangke.study.StudyProgress;
import org.yundangke.org.BranchInfo;
import org.yundangke.org.MemberInfo;
import org.yundangke.org.OrgDirectory;

/**
 * A member's home: today's lessons first, each one big link to its lesson page (login → home → play), then the
 * branches they belong to.
 */
@Route("member")
@Menu(order = 0, icon = "vaadin:home", title = "nav.member.home")
@RolesAllowed("MEMBER")
class MemberHomeView extends VerticalLayout implements HasDynamicTitle {

    static final int SHOWN = 12;

    final TextField searchField = new TextField();
    final Section results = new Section();
    final Section today = new Section();
    private List<UUID> continuing = List.of();
    final UnorderedList branches = new UnorderedList();

    MemberHomeView(Catalogue catalogue, StudyProgress progress, OrgDirectory directory, LessonSearch search) {
        addClassName("ydk-page");
        add(new H2(getTranslation("member.home.greeting", directory.currentActor().displayName())));

        searchField.setLabel(getTranslation("member.home.search"));
        searchField.setPlaceholder(getTranslation("member.home.search.hint"));
        searchField.setClearButtonVisible(true);
        searchField.setMinWidth("0");
        Button find = new Button(getTranslation("member.home.search.button"), e -> showResults(search));
        find.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        find.addClickShortcut(Key.ENTER);
        HorizontalLayout searchBar = new HorizontalLayout(searchField, find);
        searchBar.setWidthFull();
        searchBar.setFlexGrow(1, searchField);
        searchBar.setAlignItems(Alignment.BASELINE);
        add(searchBar, results);

        today.add(new H3(getTranslation("member.home.today")));
        // lessons already begun come first: one tap continues them
        List<LessonInfo> lessons = new ArrayList<>();
        continuing = progress.continuing(3);
        for (UUID started : continuing) {
            try {
                lessons.add(catalogue.open(started));
            } catch (AccessDeniedException noLongerForThem) {
                // archived or re-aimed since: not shown
            }
        }
        catalogue.forMe(PageRequest.of(0, SHOWN)).getContent().stream()
                .filter(l -> !continuing.contains(l.id())).forEach(lessons::add);
        if (lessons.isEmpty()) {
            today.add(new EmptyState(getTranslation("member.home.today.empty.title"),
                    getTranslation("member.home.today.empty.text")));
        } else {
            Div cards = new Div();
            cards.addClassName("ydk-cards");
            lessons.forEach(lesson -> cards.add(card(lesson)));
            today.add(cards);
        }
        add(today);

        Section mine = new Section(new H3(getTranslation("member.home.branches")), branches);
        directory.myMemberRecord().ifPresentOrElse(record -> listBranches(directory, record),
                () -> branches.add(new ListItem(getTranslation("member.home.no-branch"))));
        add(mine);
    }

    private void showResults(LessonSearch search) {
        results.removeAll();
        String words = searchField.getValue().strip();
        if (words.isEmpty()) {
            return;
        }
        List<LessonInfo> found = search.search(words, SHOWN);
        results.add(new H3(getTranslation("member.home.search.results", words)));
        if (found.isEmpty()) {
            results.add(new Paragraph(getTranslation("member.home.search.none", words)));
        }
        Div cards = new Div();
        cards.addClassName("ydk-cards");
        found.forEach(lesson -> cards.add(card(lesson)));
        results.add(cards);
    }

    private Div card(LessonInfo lesson) {
        RouterLink open = new RouterLink(lesson.title(), LessonView.class,
                new RouteParameters(LessonView.LESSON_ID, lesson.id().toString()));
        open.addClassName("ydk-lesson-link");
        String started = continuing.contains(lesson.id()) ? " · " + getTranslation("member.home.continue") : "";
        Span facts = new Span(lesson.speaker() + " · " + LessonView.minutes(this, lesson) + started);
        Div card = new Div(open, facts, new Paragraph(lesson.summary()));
        card.addClassName("ydk-card");
        return card;
    }

    private void listBranches(OrgDirectory directory, MemberInfo record) {
        List<Long> ids = new ArrayList<>(record.managingBranchIds());
        ids.addFirst(record.primaryBranchId());
        for (BranchInfo branch : directory.branchesByIds(ids)) {
            String relation = getTranslation(branch.id() == record.primaryBranchId()
                    ? "member.home.branch.primary" : "member.home.branch.managing");
            branches.add(new ListItem(branch.name() + " · " + relation));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.member.home");
    }

}
