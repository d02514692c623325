package org.yundangke.quiz.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.yundangke.base.ui.Downloads;
import org.yundangke.base.ui.EmptyState;
import org.yundangke.quiz.QuizInfo;
import org.yundangke.quiz.QuizResults;

/**
 * Test results for a secretary (their branches) and an admin (their subtree): per branch who took it and passed, a
 * branch opened to its members, the questions missed most, and the workbook.
 */
@Route("results/quizzes")
@Menu(order = 30.5, icon = "vaadin:bar-chart", title = "nav.quiz.results")
@RolesAllowed({"SECRETARY", "ADMIN"})
class QuizResultsView extends VerticalLayout implements HasDynamicTitle {

    final Select<QuizInfo> quiz = new Select<>();
    final Div branches = new Div();
    final UnorderedList members = new UnorderedList();
    final UnorderedList missed = new UnorderedList();
    final Anchor download = new Anchor();
    private final QuizResults results;

    QuizResultsView(QuizResults results) {
        this.results = results;
        addClassName("ydk-page");
        add(new H2(getTranslation("nav.quiz.results")), new Paragraph(getTranslation("results.intro")));
        List<QuizInfo> tests = results.tests();
        if (tests.isEmpty()) {
            add(new EmptyState(getTranslation("nav.quiz.results"), getTranslation("results.none")));
            return;
        }
        quiz.setLabel(getTranslation("results.quiz"));
        quiz.setItems(tests);
        quiz.setItemLabelGenerator(QuizInfo::title);
        quiz.setWidthFull();
        quiz.addValueChangeListener(e -> show(e.getValue()));
        branches.addClassName("ydk-options");
        download.setText(getTranslation("results.download"));
        download.getElement().setAttribute("download", true);
        download.addClassName("ydk-big-link");
        add(quiz, branches, members, new H3(getTranslation("results.missed")), missed, download);
        quiz.setValue(tests.getFirst());
    }

    void show(QuizInfo test) {
        branches.removeAll();
        members.removeAll();
        for (QuizResults.BranchResult branch : results.byBranch(test.id())) {
            Button row = new Button(getTranslation("results.branch.line", branch.branch(), branch.members(),
                    branch.took(), branch.passed(), branch.passRate()), e -> showMembers(test, branch));
            row.addClassName("ydk-option");
            branches.add(row);
        }
        missed.removeAll();
        List<QuizResults.Missed> most = results.mostMissed(test.id());
        if (most.isEmpty()) {
            missed.add(new ListItem(getTranslation("results.missed.none")));
        }
        most.forEach(m -> missed.add(new ListItem(getTranslation("results.missed.line", m.stem(), m.answered(),
                m.missed()))));
        download.setHref(Downloads.workbook(() -> results.workbook(test.id(), getLocale()), "quiz-results"));
    }

    private void showMembers(QuizInfo test, QuizResults.BranchResult branch) {
        members.removeAll();
        members.add(new ListItem(new H3(branch.branch())));
        for (QuizResults.MemberResult member : results.byMember(test.id(), branch.branchId())) {
            members.add(new ListItem(member.best() == null ? getTranslation("results.member.none", member.name())
                    : getTranslation("results.member.line", member.name(), member.attempts(),
                            QuizTexts.number(member.best()), getTranslation(member.passed() ? "results.yes"
                                    : "results.no"))));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.quiz.results");
    }
}
