package org.yundangke.quiz.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.quiz.Question;
import org.yundangke.quiz.QuestionBank;
import org.yundangke.quiz.QuestionDraft;
import org.yundangke.quiz.QuestionRows;
import org.yundangke.quiz.QuestionType;

/**
 * A question written as in the template: type, stem, options A–F, the answer as one writes it ("B", "AC", 对, or the
 * accepted words with "|"), 解析, score, difficulty, category, knowledge points. Shown above the list, not over it.
 */
class QuestionEditor extends Div {

    final H3 heading = new H3();
    final Select<QuestionType> type = new Select<>();
    final TextArea stem = new TextArea();
    final List<TextField> options = new ArrayList<>();
    final TextField answer = new TextField();
    final TextArea explanation = new TextArea();
    final TextField score = new TextField();
    final Select<Integer> difficulty = new Select<>();
    final ComboBox<String> category = new ComboBox<>();
    final TextField tags = new TextField();
    final Button save = new Button();
    private final QuestionBank bank;
    private final Consumer<Question> onSaved;
    private @Nullable Question editing;

    QuestionEditor(QuestionBank bank, Consumer<Question> onSaved) {
        this.bank = bank;
        this.onSaved = onSaved;
        addClassName("ydk-editor");
        setVisible(false);
        type.setLabel(getTranslation("question.field.type"));
        type.setItems(QuestionType.values());
        type.setItemLabelGenerator(t -> getTranslation("question.type." + t.name().toLowerCase()));
        type.addValueChangeListener(e -> showOptions());
        stem.setLabel(getTranslation("question.field.stem"));
        stem.setHelperText(getTranslation("question.field.stem.help"));
        stem.setMaxLength(QuestionDraft.MAX_STEM);
        stem.setWidthFull();
        Div optionFields = new Div();
        optionFields.addClassName("ydk-option-fields");
        for (String letter : QuestionDraft.letters(QuestionDraft.MAX_OPTIONS)) {
            TextField option = new TextField(getTranslation("question.field.option", letter));
            option.setMaxLength(QuestionDraft.MAX_OPTION);
            option.setWidthFull();
            options.add(option);
            optionFields.add(option);
        }
        answer.setLabel(getTranslation("question.field.answer"));
        explanation.setLabel(getTranslation("question.field.explanation"));
        explanation.setMaxLength(QuestionDraft.MAX_EXPLANATION);
        explanation.setWidthFull();
        score.setLabel(getTranslation("question.field.score"));
        difficulty.setLabel(getTranslation("question.field.difficulty"));
        difficulty.setItems(1, 2, 3);
        difficulty.setItemLabelGenerator(d -> getTranslation("question.difficulty." + d));
        category.setLabel(getTranslation("question.field.category"));
        category.setHelperText(getTranslation("question.field.category.help"));
        category.setAllowCustomValue(true);
        category.addCustomValueSetListener(e -> category.setValue(e.getDetail()));
        category.setWidthFull();
        tags.setLabel(getTranslation("question.field.tags"));
        tags.setHelperText(getTranslation("question.field.tags.help"));
        tags.setWidthFull();
        save.setText(getTranslation("question.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        Button cancel = new Button(getTranslation("question.cancel"), e -> setVisible(false));
        Div buttons = new Div(save, cancel);
        buttons.addClassName("ydk-tools-row");
        Div numbers = new Div(score, difficulty);
        numbers.addClassName("ydk-tools-row");
        add(heading, type, stem, optionFields, answer, explanation, numbers, category, tags, buttons);
    }

    /** Opens the editor on a question, or on a new one when null. */
    void edit(@Nullable Question question) {
        editing = question;
        category.setItems(bank.categories());
        heading.setText(getTranslation(question == null ? "question.new" : "question.edit"));
        QuestionDraft draft = question == null ? null : question.content();
        type.setValue(draft == null ? QuestionType.SINGLE : draft.type());
        stem.setValue(draft == null ? "" : draft.stem());
        for (int i = 0; i < options.size(); i++) {
            options.get(i).setValue(draft != null && i < draft.options().size() ? draft.options().get(i) : "");
        }
        List<String> cells = draft == null ? null : QuestionRows.cells(draft);
        answer.setValue(cells == null ? "" : cells.get(8));
        explanation.setValue(draft == null ? "" : draft.explanation());
        score.setValue(draft == null ? "1" : QuizTexts.number(draft.score()));
        difficulty.setValue(draft == null ? 1 : draft.difficulty());
        category.setValue(draft == null ? null : draft.categoryPath());
        tags.setValue(draft == null ? "" : String.join("|", draft.tags()));
        showOptions();
        setVisible(true);
        stem.focus();
    }

    private void showOptions() {
        boolean choice = type.getValue() != null && type.getValue().hasOptions();
        options.forEach(o -> o.setVisible(choice));
        answer.setHelperText(type.getValue() == null ? ""
                : getTranslation("question.field.answer.help." + type.getValue().name().toLowerCase()));
    }

    private void save() {
        List<String> cells = new ArrayList<>();
        cells.add(QuestionRows.label(type.getValue()));
        cells.add(stem.getValue());
        options.forEach(o -> cells.add(type.getValue().hasOptions() ? o.getValue() : ""));
        cells.addAll(List.of(answer.getValue(), explanation.getValue(), score.getValue(),
                String.valueOf(difficulty.getValue()), category.getValue() == null ? "" : category.getValue(),
                tags.getValue()));
        UserErrors.attemptGet(() -> {
            QuestionDraft draft = QuestionRows.draft(cells);
            return editing == null ? bank.create(draft) : bank.edit(editing.id(), draft);
        }).ifPresent(saved -> {
            setVisible(false);
            onSaved.accept(saved);
        });
    }
}
