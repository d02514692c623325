package org.yundangke.quiz.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.yundangke.base.UserError;
import org.yundangke.base.ui.Downloads;
import org.yundangke.base.ui.ImportProblems;
import org.yundangke.base.ui.Toasts;
import org.yundangke.base.ui.UploadTexts;
import org.yundangke.quiz.QuestionBank;
import org.yundangke.quiz.QuestionImport;

/**
 * Importing questions: upload the filled-in template (or Aiken text), see every row checked with nothing saved, fetch
 * the error workbook, then import all rows or only the good ones. Long files show a progress bar.
 */
@Route("questions/import")
@RolesAllowed({"LECTURER", "ADMIN"})
class QuestionImportView extends VerticalLayout implements HasDynamicTitle {

    static final int MAX_BYTES = 20 * 1024 * 1024;

    final Upload upload;
    final ComboBox<String> aikenCategory = new ComboBox<>();
    final ProgressBar progress = new ProgressBar();
    final Paragraph status = new Paragraph();
    final Div result = new Div();
    final Button importAll = new Button();
    final Button importValid = new Button();
    private final QuestionImport imports;
    QuestionImport.@Nullable Check check;

    QuestionImportView(QuestionImport imports, QuestionBank bank) {
        this.imports = imports;
        addClassName("ydk-page");
        add(new H2(getTranslation("import.title")), new Paragraph(getTranslation("import.intro")));
        Anchor template = new Anchor(Downloads.workbook(imports::template, "question-template"),
                getTranslation("questions.template"));
        template.getElement().setAttribute("download", true);
        template.addClassName("ydk-big-link");
        aikenCategory.setLabel(getTranslation("import.aiken.category"));
        aikenCategory.setHelperText(getTranslation("import.aiken.category.help"));
        aikenCategory.setItems(bank.categories());
        aikenCategory.setAllowCustomValue(true);
        aikenCategory.addCustomValueSetListener(e -> aikenCategory.setValue(e.getDetail()));
        aikenCategory.setWidthFull();
        upload = new Upload(UploadHandler.inMemory((metadata, data) -> {
            String name = metadata.fileName().toLowerCase();
            if (name.endsWith(".txt")) {
                String category = aikenCategory.getValue() == null ? "" : aikenCategory.getValue();
                run(() -> imports.checkAiken(new String(data, StandardCharsets.UTF_8), category));
            } else {
                run(() -> imports.checkWorkbook(new ByteArrayInputStream(data), this::read));
            }
        }));
        upload.setAcceptedFileTypes(".xlsx", ".txt");
        upload.setMaxFiles(1);
        UploadTexts.apply(upload, MAX_BYTES);
        progress.setVisible(false);
        importAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importAll.addClickListener(e -> commit(false));
        importValid.addClickListener(e -> commit(true));
        importAll.addClassName("ydk-big-button");
        importValid.addClassName("ydk-big-button");
        RouterLink back = new RouterLink(getTranslation("import.back"), QuestionBankView.class);
        back.addClassName("ydk-big-link");
        add(template, aikenCategory, upload, progress, status, result, back);
    }

    /** Checks off the request thread, so the bar can move; the user's login goes along. */
    private void run(Supplier<QuestionImport.Check> work) {
        UI ui = UI.getCurrent();
        progress.setIndeterminate(true);
        progress.setVisible(true);
        status.setText(getTranslation("import.checking"));
        result.removeAll();
        ui.setPollInterval(500);
        CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(() -> {
            try {
                QuestionImport.Check done = work.get();
                ui.access(() -> show(done));
            } catch (UserError refused) {
                ui.access(() -> {
                    stop(ui);
                    status.setText(getTranslation(refused.messageKey(), refused.args()));
                });
            }
        }));
    }

    private void read(int rows) {
        getUI().ifPresent(ui -> ui.access(() -> status.setText(getTranslation("import.checking.rows", rows))));
    }

    void show(QuestionImport.Check done) {
        getUI().ifPresent(this::stop);
        check = done;
        result.removeAll();
        status.setText(getTranslation("import.checked", done.rows().size(), done.valid(), done.invalid()));
        if (done.invalid() > 0) {
            result.add(new ImportProblems(Downloads.workbook(() -> imports.errorWorkbook(done, getLocale()),
                    "question-import-errors"), done.rows().stream().filter(r -> !r.valid())
                    .map(r -> new ImportProblems.Line(r.rowNumber(), r.problems().stream()
                            .map(p -> getTranslation(p.messageKey(), p.args())).toList())).toList()));
        }
        importAll.setText(getTranslation("import.commit.all", done.rows().size()));
        importAll.setEnabled(done.invalid() == 0 && done.valid() > 0);
        importValid.setText(getTranslation("import.commit.valid", done.valid()));
        importValid.setVisible(done.invalid() > 0 && done.valid() > 0);
        result.add(importAll, importValid);
    }

    private void commit(boolean validRowsOnly) {
        QuestionImport.Check checked = check;
        if (checked == null) {
            return;
        }
        UI ui = UI.getCurrent();
        progress.setIndeterminate(false);
        progress.setValue(0);
        progress.setVisible(true);
        importAll.setEnabled(false);
        importValid.setEnabled(false);
        status.setText(getTranslation("import.saving"));
        ui.setPollInterval(500);
        double total = Math.max(1, checked.valid());
        CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(() -> {
            try {
                int saved = imports.commit(checked, validRowsOnly,
                        n -> ui.access(() -> progress.setValue(Math.min(1, n / total))));
                ui.access(() -> {
                    stop(ui);
                    check = null;
                    result.removeAll();
                    status.setText(getTranslation("import.saved", saved));
                    Toasts.done("import.saved", saved);
                });
            } catch (UserError refused) {
                ui.access(() -> {
                    stop(ui);
                    status.setText(getTranslation(refused.messageKey(), refused.args()));
                });
            }
        }));
    }

    private void stop(UI ui) {
        progress.setVisible(false);
        ui.setPollInterval(-1);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("import.title");
    }
}
