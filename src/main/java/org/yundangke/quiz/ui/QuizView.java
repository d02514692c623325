package org.yundangke.quiz.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.PermitAll;
import java.util.UUID;
import org.yundangke.base.ui.RouteTarget;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.quiz.Attempts;
import org.yundangke.quiz.QuizInfo;
import org.yundangke.quiz.Quizzes;

/** One quiz before it starts: what it asks and how, what the member has done with it, and one big start button. */
@Route("quizzes/:quizId")
@PermitAll
class QuizView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String QUIZ_ID = "quizId";

    final Button start = new Button();
    private final Quizzes quizzes;
    private final Attempts attempts;
    private String pageTitle = "";

    private QuizInfo quiz;

    QuizView(Quizzes quizzes, Attempts attempts) {
        this.quizzes = quizzes;
        this.attempts = attempts;
        addClassName("ydk-page");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        start.addClassName("ydk-big-button");
        start.setDisableOnClick(true);
        start.addClickListener(e -> UserErrors.attemptGet(() -> attempts.start(quiz.id())).ifPresentOrElse(
                attempt -> getUI().ifPresent(ui -> ui.navigate(AttemptView.class,
                        new RouteParameters(AttemptView.ATTEMPT_ID, attempt.toString()))),
                () -> start.setEnabled(true)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll(); // the same view serves the next quiz navigated to
        quiz = RouteTarget.find(event, QUIZ_ID, id -> quizzes.open(UUID.fromString(id))).orElse(null);
        if (quiz == null) {
            return;
        }
        pageTitle = quiz.title();
        Attempts.Standing standing = attempts.standing(quiz.id());
        add(new H2(quiz.title()), new Paragraph(QuizTexts.facts(this, quiz)), new Paragraph(quiz.summary()));
        add(new Paragraph(getTranslation("quiz.how." + quiz.kind().name().toLowerCase())));
        if (standing.best() != null) {
            add(new Paragraph(getTranslation(standing.passed() ? "quiz.standing.passed" : "quiz.standing.best",
                    QuizTexts.number(standing.best()), standing.attemptsUsed())));
        }
        boolean left = quiz.maxAttempts() == null || standing.attemptsUsed() < quiz.maxAttempts()
                || standing.openAttempt() != null;
        start.setText(getTranslation(standing.openAttempt() != null ? "quiz.continue" : "quiz.start"));
        start.setEnabled(left);
        add(start);
        if (!left) {
            add(new Paragraph(getTranslation("quiz.attempts.used", quiz.maxAttempts())));
        }
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }
}
