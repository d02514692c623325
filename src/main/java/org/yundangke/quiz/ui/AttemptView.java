package org.yundangke.quiz.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.ui.RouteTarget;
import org.yundangke.base.ui.Toasts;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.quiz.AnswerSheet;
import org.yundangke.quiz.Attempts;
import org.yundangke.quiz.QuestionDraft;
import org.yundangke.quiz.QuestionType;

/**
 * Answering, one question per screen: the question in large type (read aloud on request), each option one full-width
 * button, big 上一题 / 下一题, every answer saved on the server as it is given. No clock runs unless the author set a
 * limit, and then "more time" is one tap. Before handing in, a summary shows what is still unanswered; afterwards
 * every question with the right answer and its 解析. The keys never reach this page before the quiz allows.
 */
@Route("attempts/:attemptId")
@PermitAll
class AttemptView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ATTEMPT_ID = "attemptId";

    final Span progress = new Span();
    final Paragraph stem = new Paragraph();
    final Div options = new Div();
    final Div feedback = new Div();
    final Button previous = new Button();
    final Button next = new Button();
    final Button overview = new Button();
    final Button moreTime = new Button();
    final Span timeNote = new Span();
    final Div timeBar = new Div();
    /** Minutes before the end of a timed paper when the page warns and offers more time. */
    static final long WARN_MINUTES = 3;
    private TextField blank;
    private Registration polling;
    final Div body = new Div();
    private final Attempts attempts;
    private final StudyCalendar calendar;
    /** The options of a multiple choice chosen on the screen, saved when the member confirms them or moves on. */
    private final List<String> pending = new ArrayList<>();
    AnswerSheet sheet;
    int at;

    AttemptView(Attempts attempts, StudyCalendar calendar) {
        this.attempts = attempts;
        this.calendar = calendar;
        addClassName("ydk-page");
        addClassName("ydk-attempt");
        previous.addClickListener(e -> go(at - 1));
        next.addClickListener(e -> go(at + 1));
        overview.addClickListener(e -> {
            savePending();
            if (sheet.submitted()) {
                showResult();
            } else {
                showOverview();
            }
        });
        previous.addClassName("ydk-big-button");
        next.addClassName("ydk-big-button");
        overview.addClassName("ydk-big-button");
        moreTime.setText(getTranslation("attempt.more-time"));
        moreTime.addClassName("ydk-big-button");
        moreTime.addClickListener(e -> {
            if (UserErrors.attempt(() -> attempts.extend(sheet.attemptId()))) {
                Toasts.done("attempt.more-time.done");
            }
            sheet = attempts.sheet(sheet.attemptId());
            updateTime();
        });
    }

    /** A timed paper: the page looks at the clock twice a minute and warns in time, without a pop-up. */
    @Override
    protected void onAttach(AttachEvent event) {
        polling = event.getUI().addPollListener(poll -> updateTime());
        if (sheet != null && sheet.deadline() != null && !sheet.submitted()) {
            event.getUI().setPollInterval(30_000);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (polling != null) {
            polling.remove();
        }
        event.getUI().setPollInterval(-1);
    }

    private void go(int question) {
        savePending();
        at = Math.clamp(question, 0, sheet.questions().size() - 1);
        showQuestion();
    }

    /** Choices of a multiple choice or words in a blank not yet confirmed are saved when the member moves on. */
    private void savePending() {
        if (sheet == null || sheet.submitted()) {
            return;
        }
        AnswerSheet.Asked asked = sheet.questions().get(at);
        if (asked.feedback() != null) {
            return;
        }
        if (asked.type() == QuestionType.MULTIPLE && !pending.isEmpty() && !pending.equals(asked.answer())) {
            answer(asked, pending.stream().sorted().toList());
        } else if (asked.type() == QuestionType.FILL_IN && blank != null && !blank.getValue().isBlank()
                && !List.of(blank.getValue().strip()).equals(asked.answer())) {
            answer(asked, List.of(blank.getValue()));
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        sheet = RouteTarget.find(event, ATTEMPT_ID, id -> attempts.sheet(UUID.fromString(id))).orElse(null);
        if (sheet == null) {
            return;
        }
        removeAll();
        add(new H2(title()), timeBar(), body);
        UI.getCurrent().setPollInterval(sheet.deadline() != null && !sheet.submitted() ? 30_000 : -1);
        at = firstUnanswered();
        if (sheet.submitted()) {
            showResult();
        } else {
            showQuestion();
        }
    }

    private String title() {
        return sheet.title().isEmpty() ? getTranslation("quiz.kind." + sheet.kind().name().toLowerCase())
                : sheet.title();
    }

    private Component timeBar() {
        timeBar.removeAll();
        timeBar.add(timeNote, moreTime);
        timeBar.addClassName("ydk-time-bar");
        updateTime();
        return timeBar;
    }

    private void updateTime() {
        if (sheet.deadline() == null || sheet.submitted()) {
            timeNote.setText(sheet.submitted() ? "" : getTranslation("attempt.untimed"));
            moreTime.setVisible(false);
            return;
        }
        LocalTime by = sheet.deadline().atZone(StudyCalendar.ZONE).toLocalTime();
        long left = Math.max(0, Duration.between(calendar.now(), sheet.deadline()).toMinutes());
        boolean soon = left < WARN_MINUTES;
        timeNote.setText(getTranslation(soon ? "attempt.deadline.soon" : "attempt.deadline", by.getHour(),
                String.format("%02d", by.getMinute()), left));
        timeBar.getClassNames().set("ydk-time-warning", soon);
        moreTime.setVisible(sheet.extensionsLeft() > 0);
        if (soon) {
            moreTime.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        } else {
            moreTime.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
    }

    private int firstUnanswered() {
        List<AnswerSheet.Asked> questions = sheet.questions();
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).answer().isEmpty()) {
                return i;
            }
        }
        return 0;
    }

    void showQuestion() {
        body.removeAll();
        AnswerSheet.Asked asked = sheet.questions().get(at);
        pending.clear();
        pending.addAll(asked.answer());
        progress.setText(getTranslation("attempt.progress", at + 1, sheet.questions().size()));
        progress.addClassName("ydk-attempt-progress");
        stem.setText(asked.stem());
        stem.addClassName("ydk-stem");
        Button readAloud = new Button(getTranslation("attempt.read-aloud"),
                e -> ReadAloud.speak(this, spoken(asked)));
        readAloud.addClassName("ydk-read-aloud");
        readAloud.addClassName("ydk-big-button");
        Span hint = new Span(getTranslation("attempt.hint." + asked.type().name().toLowerCase()));
        hint.addClassName("ydk-hint");
        options.removeAll();
        options.addClassName("ydk-options");
        fillOptions(asked);
        feedback.removeAll();
        feedback.addClassName("ydk-feedback");
        if (asked.feedback() != null) {
            showFeedback(feedback, asked, asked.feedback());
        }
        body.add(progress, stem, readAloud, hint, options, feedback, navigation());
    }

    private void fillOptions(AnswerSheet.Asked asked) {
        blank = null;
        if (asked.type() == QuestionType.FILL_IN) {
            blank = new TextField(getTranslation("attempt.blank"));
            blank.setValue(asked.answer().isEmpty() ? "" : asked.answer().getFirst());
            blank.setWidthFull();
            blank.setMaxLength(100);
            blank.addClassName("ydk-blank");
            TextField field = blank;
            field.setEnabled(!sheet.submitted() && asked.feedback() == null);
            Button save = new Button(getTranslation("attempt.blank.save"),
                    e -> answer(asked, field.getValue().isBlank() ? List.of() : List.of(field.getValue())));
            save.setEnabled(field.isEnabled());
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClassName("ydk-option");
            options.add(blank, save);
            return;
        }
        boolean multiple = asked.type() == QuestionType.MULTIPLE;
        List<String> letters = asked.type() == QuestionType.TRUE_FALSE
                ? List.of(QuestionDraft.TRUE, QuestionDraft.FALSE) : QuestionDraft.letters(asked.options().size());
        // once practice has shown the answer, the choice stays as it was given
        boolean open = !sheet.submitted() && asked.feedback() == null;
        for (String letter : letters) {
            boolean chosen = (multiple ? pending : asked.answer()).contains(letter);
            Button option = new Button(label(asked, letter), e -> choose(asked, letter));
            option.addClassName("ydk-option");
            option.getElement().setAttribute("aria-pressed", String.valueOf(chosen));
            if (chosen) {
                option.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            option.setEnabled(open);
            options.add(option);
        }
        if (multiple && open) {
            Button confirm = new Button(getTranslation("attempt.multiple.save"),
                    e -> answer(asked, pending.stream().sorted().toList()));
            confirm.addClassName("ydk-big-button");
            confirm.setEnabled(!pending.equals(asked.answer()));
            options.add(confirm);
        }
    }

    private String label(AnswerSheet.Asked asked, String letter) {
        if (asked.type() == QuestionType.TRUE_FALSE) {
            return getTranslation(QuestionDraft.TRUE.equals(letter) ? "attempt.true" : "attempt.false");
        }
        return letter + ". " + asked.options().get(QuestionDraft.letters(asked.options().size()).indexOf(letter));
    }

    private void choose(AnswerSheet.Asked asked, String letter) {
        if (asked.type() != QuestionType.MULTIPLE) {
            answer(asked, List.of(letter));
            return;
        }
        if (!pending.remove(letter)) {
            pending.add(letter);
            pending.sort(null);
        }
        options.removeAll();
        fillOptions(asked);
    }

    private void answer(AnswerSheet.Asked asked, List<String> answer) {
        boolean saved = UserErrors.attempt(() -> attempts.answer(sheet.attemptId(), asked.position(), answer));
        sheet = attempts.sheet(sheet.attemptId()); // also when refused: time up, or handed in on another device
        updateTime();
        if (saved) {
            showQuestion();
        } else if (sheet.submitted()) {
            showResult();
        } else {
            showOverview();
        }
    }

    /** Right or not, the right answer and the 解析: after each answer in practice, for each question in review. */
    private void showFeedback(Div into, AnswerSheet.Asked asked, AnswerSheet.Feedback given) {
        Span verdict = new Span(getTranslation(given.right() ? "attempt.right" : "attempt.wrong",
                rightAnswer(asked, given)));
        verdict.addClassName(given.right() ? "ydk-right" : "ydk-wrong");
        into.add(verdict);
        if (!given.explanation().isEmpty()) {
            into.add(new Paragraph(getTranslation("attempt.explanation", given.explanation())));
        }
    }

    private String rightAnswer(AnswerSheet.Asked asked, AnswerSheet.Feedback given) {
        return switch (asked.type()) {
            case TRUE_FALSE -> label(asked, given.rightAnswer().getFirst());
            case FILL_IN -> String.join(getTranslation("attempt.or"), given.rightAnswer());
            default -> String.join("", given.rightAnswer());
        };
    }

    private Component navigation() {
        Div nav = new Div();
        nav.addClassName("ydk-attempt-nav");
        previous.setText(getTranslation("attempt.previous"));
        previous.setEnabled(at > 0);
        next.setText(getTranslation("attempt.next"));
        next.setVisible(at + 1 < sheet.questions().size());
        overview.setText(getTranslation(sheet.submitted() ? "attempt.back-to-result" : "attempt.overview"));
        overview.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        nav.add(previous, next, overview);
        return nav;
    }

    /** Before handing in: every question answered or not, each a way back to it, and the one 交卷 button. */
    void showOverview() {
        body.removeAll();
        long open = sheet.unanswered();
        body.add(new H3(getTranslation("attempt.overview")), new Paragraph(open == 0
                ? getTranslation("attempt.overview.all") : getTranslation("attempt.overview.open", open)));
        Div list = new Div();
        list.addClassName("ydk-overview");
        for (AnswerSheet.Asked asked : sheet.questions()) {
            Button go = new Button(getTranslation(asked.answer().isEmpty() ? "attempt.overview.item.open"
                    : "attempt.overview.item.done", asked.position() + 1), e -> {
                        at = asked.position();
                        showQuestion();
                    });
            go.addClassName("ydk-option");
            go.addThemeVariants(asked.answer().isEmpty() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_CONTRAST);
            list.add(go);
        }
        Button submit = new Button(getTranslation("attempt.submit"), e -> {
            sheet = attempts.submit(sheet.attemptId());
            updateTime();
            UI.getCurrent().setPollInterval(-1);
            showResult();
        });
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        submit.setDisableOnClick(true);
        submit.addClassName("ydk-big-button");
        Button back = new Button(getTranslation("attempt.back-to-questions"), e -> showQuestion());
        back.addClassName("ydk-big-button");
        body.add(list, submit, back);
    }

    /** After handing in: the score, and each question with the answer given, the right one and its 解析. */
    void showResult() {
        body.removeAll();
        AnswerSheet.Result result = sheet.result();
        String score = getTranslation("attempt.result.score", QuizTexts.number(result.score()),
                QuizTexts.number(result.maxScore()));
        Span verdict = new Span(result.passed() == null ? score : getTranslation(result.passed()
                ? "attempt.result.passed" : "attempt.result.failed", score, result.passPercent()));
        verdict.addClassName("ydk-result");
        body.add(verdict);
        for (AnswerSheet.Asked asked : sheet.questions()) {
            Div item = new Div();
            item.addClassName("ydk-card");
            item.add(new Span(getTranslation("attempt.progress", asked.position() + 1, sheet.questions().size())),
                    new Paragraph(asked.stem()));
            if (asked.type().hasOptions()) {
                for (String letter : QuestionDraft.letters(asked.options().size())) {
                    item.add(new Paragraph(label(asked, letter)));
                }
            }
            item.add(new Paragraph(getTranslation("attempt.your-answer", asked.answer().isEmpty()
                    ? getTranslation("attempt.no-answer") : given(asked))));
            if (asked.feedback() != null) {
                showFeedback(item, asked, asked.feedback());
            }
            body.add(item);
        }
    }

    private String given(AnswerSheet.Asked asked) {
        return switch (asked.type()) {
            case TRUE_FALSE -> label(asked, asked.answer().getFirst());
            default -> String.join("", asked.answer());
        };
    }

    private String spoken(AnswerSheet.Asked asked) {
        StringBuilder text = new StringBuilder(asked.stem().replace("____", getTranslation("attempt.blank.spoken")));
        if (asked.type().hasOptions()) {
            for (String letter : QuestionDraft.letters(asked.options().size())) {
                text.append("。").append(label(asked, letter));
            }
        }
        return text.toString();
    }

    @Override
    public String getPageTitle() {
        return sheet == null ? "" : title();
    }
}
