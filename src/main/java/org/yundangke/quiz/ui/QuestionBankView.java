package org.yundangke.quiz.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.yundangke.base.ui.Downloads;
import org.yundangke.base.ui.Toasts;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.quiz.Question;
import org.yundangke.quiz.QuestionBank;
import org.yundangke.quiz.QuestionImport;

/**
 * The shared question bank for lecturers and admins: search, a paged list whose rows are whole cards (so it reads the
 * same on a phone), a new or edited question in the editor above the list, import and export in the template's
 * columns.
 */
@Route("questions")
@Menu(order = 23, icon = "vaadin:question-circle-o", title = "nav.questions")
@RolesAllowed({"LECTURER", "ADMIN"})
class QuestionBankView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final Grid<Question> grid = new Grid<>();
    final QuestionEditor editor;
    final Span count = new Span();
    final Anchor export = new Anchor();
    private final QuestionBank bank;

    QuestionBankView(QuestionBank bank, QuestionImport imports) {
        this.bank = bank;
        this.editor = new QuestionEditor(bank, this::saved);
        addClassName("ydk-page");
        add(new H2(getTranslation("nav.questions")), new Paragraph(getTranslation("questions.intro")));

        Button create = new Button(getTranslation("questions.new"), e -> editor.edit(null));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        RouterLink importLink = new RouterLink(getTranslation("questions.import"), QuestionImportView.class);
        importLink.addClassName("ydk-big-link");
        Anchor template = new Anchor(Downloads.workbook(imports::template, "question-template"),
                getTranslation("questions.template"));
        template.addClassName("ydk-big-link");
        template.getElement().setAttribute("download", true);
        export.setText(getTranslation("questions.export"));
        export.addClassName("ydk-big-link");
        export.getElement().setAttribute("download", true);
        export.setHref(Downloads.workbook(() -> imports.export(search.getValue()), "questions"));
        Div tools = new Div(create, importLink, template, export);
        tools.addClassName("ydk-tools-row");
        add(tools, editor);

        search.setLabel(getTranslation("questions.search"));
        search.setPlaceholder(getTranslation("questions.search.hint"));
        search.setClearButtonVisible(true);
        search.setMinWidth("min(14rem, 100%)");
        Button find = new Button(getTranslation("questions.search.button"), e -> refresh());
        find.addClickShortcut(Key.ENTER);
        HorizontalLayout searchBar = new HorizontalLayout(search, find);
        searchBar.setWrap(true);
        searchBar.setWidthFull();
        searchBar.setFlexGrow(1, search);
        searchBar.setAlignItems(Alignment.BASELINE);
        add(searchBar, count);

        grid.addComponentColumn(this::card).setKey("question").setHeader(getTranslation("questions.column"));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        grid.setPageSize(20);
        grid.setAllRowsVisible(true);
        grid.setItems(query -> bank.search(search.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> bank.count(search.getValue()));
        grid.addItemClickListener(e -> editor.edit(e.getItem()));
        grid.setWidthFull();
        add(grid);
        refresh();
    }

    private Div card(Question question) {
        Span stem = new Span(question.content().stem());
        stem.addClassName("ydk-card-title");
        Span facts = new Span(getTranslation("questions.facts", getTranslation("question.type."
                + question.content().type().name().toLowerCase()), question.content().categoryPath(),
                getTranslation("question.difficulty." + question.content().difficulty()),
                QuizTexts.number(question.content().score())));
        Button edit = new Button(getTranslation("questions.edit"), e -> editor.edit(question));
        Button retire = new Button(getTranslation("questions.retire"), e -> confirmRetire(question));
        retire.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div actions = new Div(edit, retire);
        actions.addClassName("ydk-tools-row");
        Div card = new Div(stem, facts, actions);
        card.addClassName("ydk-question-row");
        return card;
    }

    private void confirmRetire(Question question) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("questions.retire.title"),
                getTranslation("questions.retire.text", question.content().stem()), getTranslation("questions.retire"),
                e -> {
                    if (UserErrors.attempt(() -> bank.retire(question.id()))) {
                        Toasts.done("questions.retired");
                        refresh();
                    }
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("questions.keep"));
        confirm.open();
    }

    private void saved(Question question) {
        Toasts.done("questions.saved");
        refresh();
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
        count.setText(getTranslation("questions.count", bank.count(search.getValue())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.questions");
    }
}
