package org.yundangke.org.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import org.jspecify.annotations.Nullable;
import org.yundangke.base.ui.Downloads;
import org.yundangke.base.ui.ImportProblems;
import org.yundangke.base.ui.Toasts;
import org.yundangke.base.ui.UploadTexts;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.org.MemberImport;

/**
 * An admin's bulk onboarding: the template, the upload checked row by row with nothing saved, the problems (the first
 * 50 on the page, all in the error workbook), then one import of the whole file and the new logins to hand over.
 */
@Route("members/import")
@RolesAllowed("ADMIN")
class MemberImportView extends VerticalLayout implements HasDynamicTitle {

    static final int MAX_BYTES = 20 * 1024 * 1024;

    final Upload upload;
    final Paragraph status = new Paragraph();
    final Div result = new Div();
    final Button commit = new Button();
    private final MemberImport imports;
    MemberImport.@Nullable Check check;

    MemberImportView(MemberImport imports) {
        this.imports = imports;
        addClassName("ydk-page");
        Anchor template = new Anchor(Downloads.workbook(imports::template, "member-template"),
                getTranslation("members.import.template"));
        template.getElement().setAttribute("download", true);
        template.addClassName("ydk-big-link");
        upload = new Upload(UploadHandler.inMemory((metadata, data) -> getUI().ifPresent(ui -> ui.access(() ->
                UserErrors.attemptGet(() -> imports.check(new ByteArrayInputStream(data), rows -> { }))
                        .ifPresent(this::show)))));
        upload.setAcceptedFileTypes(".xlsx");
        upload.setMaxFiles(1);
        UploadTexts.apply(upload, MAX_BYTES);
        commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        commit.addClassName("ydk-big-button");
        commit.addClickListener(e -> commit());
        status.getElement().setAttribute("role", "status");
        add(new H2(getTranslation("members.import.title")), new Paragraph(getTranslation("members.import.intro")),
                template, upload, status, result);
    }

    void show(MemberImport.Check done) {
        check = done;
        result.removeAll();
        long invalid = done.invalid();
        status.setText(getTranslation("members.import.checked", done.rows().size(), done.rows().size() - invalid,
                invalid, done.newBranches().size()));
        if (invalid > 0) {
            result.add(new ImportProblems(Downloads.workbook(() -> imports.errorWorkbook(done, getLocale()),
                    "member-import-errors"), done.rows().stream().filter(r -> !r.valid())
                    .map(r -> new ImportProblems.Line(r.rowNumber(), r.problems().stream()
                            .map(p -> getTranslation(p.messageKey(), p.args())).toList())).toList()));
        }
        commit.setText(getTranslation("members.import.commit", done.rows().size()));
        commit.setEnabled(invalid == 0 && !done.rows().isEmpty());
        result.add(commit);
    }

    private void commit() {
        MemberImport.Check checked = check;
        if (checked == null) {
            return;
        }
        UserErrors.attemptGet(() -> imports.commit(checked)).ifPresent(done -> {
            check = null;
            result.removeAll();
            status.setText(getTranslation("members.import.saved", done.branches(), done.members(),
                    done.logins().size()));
            Toasts.done("members.import.saved", done.branches(), done.members(), done.logins().size());
            if (!done.logins().isEmpty()) {
                Anchor logins = new Anchor(Downloads.workbook(() -> imports.loginWorkbook(done, getLocale()),
                        "new-logins"), getTranslation("members.import.logins"));
                logins.getElement().setAttribute("download", true);
                logins.addClassName("ydk-big-link");
                result.add(logins);
            }
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("members.import.title");
    }
}
