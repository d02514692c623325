package org.yundangke.study.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.yundangke.base.ui.EmptyState;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.catalogue.LessonSearch;
import org.yundangke.study.Assignments;
import org.yundangke.study.OnMemberHome;
import org.yundangke.study.StudyPlan;
import org.yundangke.org.BranchInfo;
import org.yundangke.org.MemberInfo;
import org.yundangke.org.OrgDirectory;

/**
 * A member's home: today's study first (tests the branch assigned, then lessons), each card one big link to its page
 * (login → home → play), so at the largest step on a phone the first lesson's 开始学习 is on the first screen; then live
 * talks, search, new lessons and the branches they belong to.
 */
@Route("member")
@Menu(order = 0, icon = "vaadin:home", title = "nav.member.home")
@RolesAllowed("MEMBER")
class MemberHomeView extends VerticalLayout implements HasDynamicTitle {

    static final int SHOWN = 12;
    /** Today's list stays short: a few lessons, each one tap from playing. */
    static final int TODAY = 3;

    final TextField searchField = new TextField();
    final Section results = new Section();
    final Section today = new Section();
    /** Live talks of the coming week (from the live module), above today's study. */
    final Section soon = new Section();
    /** Why each lesson of today's list is on it. */
    private final Map<UUID, StudyPlan.Item> notes = new HashMap<>();
    final UnorderedList branches = new UnorderedList();

    MemberHomeView(Catalogue catalogue, StudyPlan plan, Assignments assignments, OrgDirectory directory,
                   LessonSearch search, List<OnMemberHome> others) {
        addClassName("ydk-page");
        H1 greeting = new H1(getTranslation("member.home.greeting", directory.currentActor().displayName()));
        greeting.addClassName("ydk-greeting");
        add(greeting);
        today.add(new H2(getTranslation("member.home.today")));
        List<Assignments.WorkToDo> work = assignments.workToDo();
        List<StudyPlan.Item> items = plan.today(TODAY);
        items.forEach(item -> notes.put(item.lesson().id(), item));
        List<LessonInfo> fresh = catalogue.newThisWeek(SHOWN);
        if (items.isEmpty() && work.isEmpty()) {
            today.add(new EmptyState(getTranslation("member.home.today.empty.title"),
                    getTranslation("member.home.today.empty.text")));
        } else {
            Div cards = LessonCards.of(this, items.stream().map(StudyPlan.Item::lesson).toList(), this::note);
            work.reversed().forEach(w -> cards.addComponentAsFirst(LessonCards.workCard(this, w.work(),
                    assigned(w.dueOn(), w.note(), "member.home.assigned.work"))));
            today.add(cards);
        }
        add(today);

        List<OnMemberHome.Card> fromOthers = others.stream().flatMap(o -> o.cards(getLocale()).stream()).toList();
        if (!fromOthers.isEmpty()) {
            Div live = new Div();
            live.addClassName("ydk-cards");
            fromOthers.forEach(c -> live.add(LessonCards.otherCard(c)));
            soon.add(new H2(getTranslation("member.home.live")), live);
            add(soon);
        }

        searchField.setLabel(getTranslation("member.home.search"));
        searchField.setPlaceholder(getTranslation("member.home.search.hint"));
        searchField.setClearButtonVisible(true);
        searchField.setMinWidth("min(14rem, 100%)");
        Button find = new Button(getTranslation("member.home.search.button"), e -> showResults(search));
        find.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        find.addClickShortcut(Key.ENTER);
        HorizontalLayout searchBar = new HorizontalLayout(searchField, find);
        searchBar.setWidthFull();
        searchBar.setFlexGrow(1, searchField);
        searchBar.setAlignItems(Alignment.BASELINE);
        searchBar.setWrap(true); // at the largest font on a phone the button goes under the field
        add(searchBar, results);

        List<LessonInfo> newOnes = fresh.stream().filter(l -> !notes.containsKey(l.id())).toList();
        if (!newOnes.isEmpty()) {
            add(new Section(new H2(getTranslation("member.home.new")), LessonCards.of(this, newOnes, l -> "")));
        }
        RouterLink browse = new RouterLink(getTranslation("member.home.browse"), BrowseView.class);
        browse.addClassName("ydk-big-link");
        add(browse);

        Section mine = new Section(new H2(getTranslation("member.home.branches")), branches);
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
        results.add(new H2(getTranslation("member.home.search.results", words)));
        if (found.isEmpty()) {
            results.add(new Paragraph(getTranslation("member.home.search.none", words)));
        }
        results.add(LessonCards.of(this, found, this::note));
    }

    private String note(LessonInfo lesson) {
        StudyPlan.Item item = notes.get(lesson.id());
        if (item == null || item.why() == StudyPlan.Why.NEWEST) {
            return "";
        }
        if (item.why() == StudyPlan.Why.CONTINUING) {
            return getTranslation("member.home.continue");
        }
        return assigned(item.dueOn(), item.note(), "member.home.assigned");
    }

    /**
     * "支部布置的…", with the date to finish by when there is one ({@code key} + ".due") and the secretary's note after
     * it.
     */
    private String assigned(@Nullable LocalDate by, String note, String key) {
        String line = by == null ? getTranslation(key)
                : getTranslation(key + ".due", by.getMonthValue(), by.getDayOfMonth());
        return note.isEmpty() ? line : line + " · " + note;
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
