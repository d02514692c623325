package org.yundangke.quiz.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.yundangke.base.ui.Toasts;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.quiz.Question;
import org.yundangke.quiz.QuestionBank;
import org.yundangke.quiz.QuizDraft;
import org.yundangke.quiz.QuizInfo;
import org.yundangke.quiz.QuizKind;
import org.yundangke.quiz.Quizzes;

/**
 * Tests and practice for lecturers and admins: a new one of questions chosen from the bank and/or drawn by rules (n
 * questions of a category and difficulty), after a lesson or on a topic, untimed unless a limit is set; the list of
 * all with 发布 for drafts.
 */
@Route("manage/quizzes")
@Menu(order = 24, icon = "vaadin:clipboard-check", title = "nav.quizzes.manage")
@RolesAllowed({"LECTURER", "ADMIN"})
class QuizManagerView extends VerticalLayout implements HasDynamicTitle {

    static final int RULES = 3;

    final TextField title = new TextField();
    final Select<QuizKind> kind = new Select<>();
    final TextArea summary = new TextArea();
    final ComboBox<LessonInfo> lesson = new ComboBox<>();
    final MultiSelectComboBox<Question> fixed = new MultiSelectComboBox<>();
    final List<Select<String>> categories = new ArrayList<>();
    final List<Select<Integer>> difficulties = new ArrayList<>();
    final List<IntegerField> counts = new ArrayList<>();
    final IntegerField passPercent = new IntegerField();
    final IntegerField maxAttempts = new IntegerField();
    final IntegerField timeLimit = new IntegerField();
    final Checkbox partialCredit = new Checkbox();
    final Button create = new Button();
    final Div list = new Div();
    private final Quizzes quizzes;

    QuizManagerView(Quizzes quizzes, QuestionBank bank, Catalogue catalogue) {
        this.quizzes = quizzes;
        addClassName("ydk-page");
        add(new H2(getTranslation("nav.quizzes.manage")), new Paragraph(getTranslation("quizzes.manage.intro")));

        title.setLabel(getTranslation("quizzes.manage.title"));
        title.setWidthFull();
        kind.setLabel(getTranslation("quizzes.manage.kind"));
        kind.setItems(QuizKind.TEST, QuizKind.PRACTICE);
        kind.setItemLabelGenerator(k -> getTranslation("quiz.kind." + k.name().toLowerCase()));
        kind.setValue(QuizKind.TEST);
        summary.setLabel(getTranslation("quizzes.manage.summary"));
        summary.setWidthFull();
        lesson.setLabel(getTranslation("quizzes.manage.lesson"));
        lesson.setHelperText(getTranslation("quizzes.manage.lesson.help"));
        lesson.setItems(catalogue.editorsList(PageRequest.of(0, 500)).getContent());
        lesson.setItemLabelGenerator(LessonInfo::title);
        lesson.setClearButtonVisible(true);
        lesson.setWidthFull();
        fixed.setLabel(getTranslation("quizzes.manage.fixed"));
        fixed.setHelperText(getTranslation("quizzes.manage.fixed.help"));
        fixed.setItems(query -> bank.search(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream(),
                query -> bank.count(query.getFilter().orElse("")));
        fixed.setItemLabelGenerator(q -> q.content().stem());
        fixed.setWidthFull();
        Div rules = new Div();
        rules.addClassName("ydk-option-fields");
        List<String> paths = bank.categories();
        for (int i = 0; i < RULES; i++) {
            Select<String> category = new Select<>();
            category.setLabel(getTranslation("quizzes.manage.rule.category", i + 1));
            category.setItems(paths);
            category.setEmptySelectionAllowed(true);
            Select<Integer> difficulty = new Select<>();
            difficulty.setLabel(getTranslation("quizzes.manage.rule.difficulty"));
            difficulty.setItems(1, 2, 3);
            difficulty.setEmptySelectionAllowed(true);
            difficulty.setEmptySelectionCaption(getTranslation("quizzes.manage.rule.any"));
            difficulty.setItemLabelGenerator(d -> d == null ? getTranslation("quizzes.manage.rule.any")
                    : getTranslation("question.difficulty." + d));
            IntegerField count = new IntegerField(getTranslation("quizzes.manage.rule.count"));
            count.setMin(1);
            count.setMax(100);
            categories.add(category);
            difficulties.add(difficulty);
            counts.add(count);
            rules.add(category, difficulty, count);
        }
        passPercent.setLabel(getTranslation("quizzes.manage.pass"));
        passPercent.setValue(60);
        passPercent.setMin(0);
        passPercent.setMax(100);
        maxAttempts.setLabel(getTranslation("quizzes.manage.attempts"));
        maxAttempts.setHelperText(getTranslation("quizzes.manage.attempts.help"));
        timeLimit.setLabel(getTranslation("quizzes.manage.time"));
        timeLimit.setHelperText(getTranslation("quizzes.manage.time.help"));
        partialCredit.setLabel(getTranslation("quizzes.manage.partial"));
        partialCredit.setValue(true);
        create.setText(getTranslation("quizzes.manage.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> create());
        Div numbers = new Div(passPercent, maxAttempts, timeLimit);
        numbers.addClassName("ydk-tools-row");
        Div form = new Div(new H3(getTranslation("quizzes.manage.new")), title, kind, summary, lesson,
                fixed, new Paragraph(getTranslation("quizzes.manage.rules")), rules, numbers, partialCredit, create);
        form.addClassName("ydk-editor");
        list.addClassName("ydk-cards");
        add(form, new H3(getTranslation("quizzes.manage.all")), list);
        showAll();
    }

    private void create() {
        List<QuizDraft.DrawRule> rules = new ArrayList<>();
        for (int i = 0; i < RULES; i++) {
            if (categories.get(i).getValue() != null && counts.get(i).getValue() != null) {
                rules.add(new QuizDraft.DrawRule(categories.get(i).getValue(), difficulties.get(i).getValue(),
                        counts.get(i).getValue()));
            }
        }
        QuizDraft draft = new QuizDraft(title.getValue(), kind.getValue(), summary.getValue(),
                lesson.getValue() == null ? null : lesson.getValue().id(),
                fixed.getValue().stream().map(Question::id).toList(), rules,
                passPercent.getValue() == null ? 60 : passPercent.getValue(), maxAttempts.getValue(),
                timeLimit.getValue(), partialCredit.getValue());
        UserErrors.attemptGet(() -> quizzes.create(draft)).ifPresent(made -> {
            Toasts.done("quizzes.manage.created", made.title());
            title.clear();
            summary.clear();
            fixed.clear();
            showAll();
        });
    }

    void showAll() {
        list.removeAll();
        for (QuizInfo quiz : quizzes.all()) {
            Span name = new Span(quiz.title());
            name.addClassName("ydk-card-title");
            Span state = new Span(getTranslation(quiz.published() ? "quizzes.manage.published"
                    : "quizzes.manage.draft"));
            Div card = new Div(name, new Span(getTranslation("quiz.kind." + quiz.kind().name().toLowerCase())
                    + " · " + QuizTexts.facts(this, quiz)), state);
            card.addClassName("ydk-card");
            if (!quiz.published()) {
                Button publish = new Button(getTranslation("quizzes.manage.publish"), e -> {
                    quizzes.publish(quiz.id());
                    Toasts.done("quizzes.manage.published.done", quiz.title());
                    showAll();
                });
                publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                card.add(publish);
            }
            list.add(card);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.quizzes.manage");
    }
}
