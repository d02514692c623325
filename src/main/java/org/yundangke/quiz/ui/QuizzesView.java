package org.yundangke.quiz.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import org.yundangke.base.ui.EmptyState;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.quiz.Attempts;
import org.yundangke.quiz.DailyPractice;
import org.yundangke.quiz.QuizInfo;
import org.yundangke.quiz.QuizKind;
import org.yundangke.quiz.Quizzes;

/**
 * The quizzes a member may take: today's 每日一练 and the 错题本 first, then tests, then practice; each card one big
 * target.
 */
@Route("quizzes")
@Menu(order = 1.5, icon = "vaadin:check-square-o", title = "nav.member.quizzes")
@RolesAllowed("MEMBER")
class QuizzesView extends VerticalLayout implements HasDynamicTitle {

    final Div tests = new Div();
    final Div practice = new Div();
    final Div everyDay = new Div();

    QuizzesView(Quizzes quizzes, Attempts attempts, DailyPractice daily) {
        addClassName("ydk-page");
        add(new H2(getTranslation("nav.member.quizzes")), new Paragraph(getTranslation("quizzes.intro")));
        everyDay.addClassName("ydk-cards");
        everyDay.add(dailyCard(daily), wrongBookCard(daily));
        add(everyDay);
        List<QuizInfo> all = quizzes.forMe();
        fill(tests, all.stream().filter(q -> q.kind() == QuizKind.TEST).toList(), attempts);
        fill(practice, all.stream().filter(q -> q.kind() == QuizKind.PRACTICE).toList(), attempts);
        add(new Section(new H3(getTranslation("quizzes.tests")), tests),
                new Section(new H3(getTranslation("quizzes.practice")), practice));
        if (all.isEmpty()) {
            add(new EmptyState(getTranslation("quizzes.empty.title"), getTranslation("quizzes.empty.text")));
        }
    }

    private Button dailyCard(DailyPractice daily) {
        String state = daily.todayIfDrawn().map(t -> t.done() ? "quizzes.daily.done" : "quizzes.daily.open")
                .orElse("quizzes.daily.new");
        Button card = cardButton(getTranslation("quizzes.daily"), getTranslation(state));
        card.addClickListener(e -> UserErrors.attemptGet(daily::today).ifPresent(this::open));
        return card;
    }

    private Button wrongBookCard(DailyPractice daily) {
        int wrong = daily.wrongCount();
        Button card = cardButton(getTranslation("quizzes.wrong-book"), wrong == 0
                ? getTranslation("quizzes.wrong-book.none") : getTranslation("quizzes.wrong-book.count", wrong));
        card.setEnabled(wrong > 0);
        card.addClickListener(e -> UserErrors.attemptGet(daily::practiseWrong).ifPresent(this::open));
        return card;
    }

    /** A whole card that is one button: its title and what it holds for the member today. */
    private Button cardButton(String title, String note) {
        Span name = new Span(title);
        name.addClassName("ydk-card-title");
        Span text = new Span(note);
        Div inside = new Div(name, text);
        inside.addClassName("ydk-card-inside");
        Button card = new Button(inside);
        card.addClassName("ydk-card");
        card.addClassName("ydk-card-button");
        return card;
    }

    private void open(UUID attemptId) {
        getUI().ifPresent(ui -> ui.navigate(AttemptView.class,
                new RouteParameters(AttemptView.ATTEMPT_ID, attemptId.toString())));
    }

    private void fill(Div cards, List<QuizInfo> quizzes, Attempts attempts) {
        cards.addClassName("ydk-cards");
        for (QuizInfo quiz : quizzes) {
            cards.add(card(quiz, attempts.standing(quiz.id())));
        }
    }

    private RouterLink card(QuizInfo quiz, Attempts.Standing standing) {
        Span title = new Span(quiz.title());
        title.addClassName("ydk-card-title");
        Span facts = new Span(QuizTexts.facts(this, quiz));
        Span mine = new Span(standing.passed() ? getTranslation("quizzes.passed", QuizTexts.number(standing.best()))
                : standing.openAttempt() != null ? getTranslation("quizzes.continue")
                : standing.best() != null ? getTranslation("quizzes.best", QuizTexts.number(standing.best()))
                : getTranslation("quizzes.new"));
        mine.addClassName("ydk-card-note");
        RouterLink card = new RouterLink(QuizView.class, new RouteParameters(QuizView.QUIZ_ID, quiz.id().toString()));
        card.add(title, facts, mine, new Paragraph(quiz.summary()));
        card.addClassName("ydk-card");
        card.addClassName("ydk-card-link");
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.member.quizzes");
    }
}
