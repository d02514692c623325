package org.yundangke.study.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.yundangke.base.ui.EmptyState;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.catalogue.LessonSearch;
import org.yundangke.study.Assignments;
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
    /** Today's list stays short: a few lessons, each one tap from playing. */
    static final int TODAY = 3;

    final TextField searchField = new TextField();
    final Section results = new Section();
    final Section today = new Section();
    private List<UUID> continuing = List.of();
    private List<UUID> assigned = List.of();
    private final Map<UUID, LocalDate> due = new HashMap<>();
    final UnorderedList branches = new UnorderedList();

    MemberHomeView(Catalogue catalogue, StudyProgress progress, Assignments assignments, OrgDirectory directory,
                   LessonSearch search) {
        addClassName("ydk-page");
        add(new H2(getTranslation("member.home.greeting", directory.currentActor().displayName())));

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

        today.add(new H3(getTranslation("member.home.today")));
        // what the branch asked for comes first, then lessons already begun: one tap starts or continues them
        List<LessonInfo> lessons = new ArrayList<>();
        List<Assignments.ToDo> toDo = assignments.toDo().stream().limit(TODAY).toList();
        assigned = toDo.stream().map(t -> t.lesson().id()).toList();
        toDo.stream().filter(t -> t.dueOn() != null).forEach(t -> due.put(t.lesson().id(), t.dueOn()));
        continuing = progress.continuing(TODAY);
        Set<UUID> shown = new HashSet<>();
        toDo.forEach(t -> add(lessons, shown, t.lesson()));
        for (UUID started : continuing) {
            try {
                add(lessons, shown, catalogue.open(started));
            } catch (AccessDeniedException noLongerForThem) {
                // archived or re-aimed since: not shown
            }
        }
        List<LessonInfo> fresh = catalogue.newThisWeek(SHOWN);
        if (lessons.isEmpty()) {
            // nothing assigned or begun: the newest lessons are today's
            catalogue.forMe(PageRequest.of(0, TODAY)).forEach(l -> add(lessons, shown, l));
        }
        if (lessons.isEmpty()) {
            today.add(new EmptyState(getTranslation("member.home.today.empty.title"),
                    getTranslation("member.home.today.empty.text")));
        } else {
            today.add(LessonCards.of(this, lessons, this::note));
        }
        add(today);

        List<LessonInfo> newOnes = fresh.stream().filter(l -> !shown.contains(l.id())).toList();
        if (!newOnes.isEmpty()) {
            add(new Section(new H3(getTranslation("member.home.new")), LessonCards.of(this, newOnes, l -> "")));
        }
        RouterLink browse = new RouterLink(getTranslation("member.home.browse"), BrowseView.class);
        browse.addClassName("ydk-big-link");
        add(browse);

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
        results.add(LessonCards.of(this, found, this::note));
    }

    private static void add(List<LessonInfo> lessons, Set<UUID> shown, LessonInfo lesson) {
        if (shown.add(lesson.id())) {
            lessons.add(lesson);
        }
    }

    private String note(LessonInfo lesson) {
        if (assigned.contains(lesson.id())) {
            LocalDate by = due.get(lesson.id());
            return by == null ? getTranslation("member.home.assigned")
                    : getTranslation("member.home.assigned.due", by.getMonthValue(), by.getDayOfMonth());
        }
        return continuing.contains(lesson.id()) ? getTranslation("member.home.continue") : "";
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
