package org.yundangke.media.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.ui.Toasts;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.base.ui.UploadTexts;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.yundangke.media.MediaInfo;
import org.yundangke.media.MediaKind;
import org.yundangke.media.MediaLibrary;
import org.yundangke.media.MediaState;
import org.yundangke.media.TalkPlayer;
import org.yundangke.base.ui.ResponsiveGrid;

/**
 * A lecturer's talks (an admin sees everyone's): upload with progress, then each talk's state live — queued,
 * transcoding n %, ready, or failed with the reason and a Retry — with preview and delete.
 */
@Route("media")
@Menu(order = 21, icon = "vaadin:film", title = "nav.media")
@RolesAllowed({"LECTURER", "ADMIN"})
class MediaLibraryView extends VerticalLayout implements HasDynamicTitle {

    private static final Set<MediaState> WORKING = Set.of(MediaState.QUEUED, MediaState.TRANSCODING);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(StudyCalendar.ZONE);

    final UploadField upload = new UploadField();
    final ResponsiveGrid<MediaInfo> table = new ResponsiveGrid<>();
    final Grid<MediaInfo> grid = table.grid;
    private final MediaLibrary library;
    /** Set while a shown row is queued or transcoding: the next poll then fetches the rows again. */
    private boolean showingWork;

    MediaLibraryView(MediaLibrary library) {
        this.library = library;
        addClassName("ydk-page");
        setSizeFull();
        upload.addCompleteListener(e -> table.refresh());

        table.addColumn(getTranslation("media.title"), MediaInfo::title).setFlexGrow(3);
        table.addColumn(getTranslation("media.kind"), this::kindAndLength);
        table.addComponentColumn(getTranslation("media.state"), this::stateOf).setFlexGrow(2)
                .setKey("state");
        table.addColumn(getTranslation("media.uploaded"), m -> WHEN.format(m.createdAt()));
        table.addComponentColumn(getTranslation("media.actions"), this::actions).setAutoWidth(true)
                .setFlexGrow(0).setKey("actions");
        table.setItems(query -> library.list(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        table.setEmptyStateText(getTranslation("media.empty"));
        table.setAriaLabel(getTranslation("nav.media"));

        add(new H2(getTranslation("nav.media")), upload, table);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // live progress without push: look again every 2 s while something is queued or transcoding
        UI ui = event.getUI();
        ui.setPollInterval(2000);
        ui.addPollListener(poll -> {
            if (showingWork) {
                showingWork = false;
                table.refresh();
            }
        });
        addDetachListener(detach -> detach.getUI().setPollInterval(-1));
    }

    private String kindAndLength(MediaInfo talk) {
        String kind = talk.kind() == null ? "" : getTranslation("media.kind." + talk.kind());
        if (talk.durationSeconds() == null) {
            return kind;
        }
        long seconds = Math.round(talk.durationSeconds());
        return kind + " · " + String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    private Div stateOf(MediaInfo talk) {
        showingWork |= WORKING.contains(talk.state());
        Div cell = new Div();
        cell.addClassName("ydk-media-state");
        Span label = new Span(talk.state() == MediaState.TRANSCODING
                ? getTranslation("media.state.TRANSCODING", talk.progressPercent())
                : getTranslation("media.state." + talk.state()));
        label.getElement().setAttribute("theme", "badge" + switch (talk.state()) {
            case READY -> " success";
            case FAILED -> " error";
            default -> "";
        });
        cell.add(label);
        if (talk.state() == MediaState.TRANSCODING) {
            ProgressBar bar = new ProgressBar(0, 100, talk.progressPercent());
            bar.getElement().setAttribute("aria-label", label.getText());
            cell.add(bar);
        }
        if (talk.state() == MediaState.FAILED && talk.failureReason() != null) {
            Span reason = new Span(getTranslation("media.failed.reason", talk.failureReason()));
            reason.addClassName("ydk-media-reason");
            cell.add(reason);
        }
        return cell;
    }

    private HorizontalLayout actions(MediaInfo talk) {
        HorizontalLayout buttons = new HorizontalLayout();
        if (talk.state() == MediaState.READY) {
            buttons.add(button("media.preview", ButtonVariant.LUMO_PRIMARY, () -> preview(talk)));
            if (talk.kind() == MediaKind.VIDEO) {
                buttons.add(button(talk.hasCaptions() ? "media.captions.replace" : "media.captions.add",
                        ButtonVariant.LUMO_CONTRAST, () -> captions(talk)));
            }
        }
        if (talk.state() == MediaState.FAILED) {
            buttons.add(button("media.retry", ButtonVariant.LUMO_PRIMARY, () -> {
                library.retry(talk.id());
                table.refresh();
            }));
        }
        buttons.add(button("media.delete", ButtonVariant.LUMO_ERROR, () -> confirmDelete(talk)));
        return buttons;
    }

    private Button button(String key, ButtonVariant variant, Runnable action) {
        Button button = new Button(getTranslation(key), e -> action.run());
        button.addThemeVariants(variant);
        return button;
    }

    private void preview(MediaInfo talk) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(talk.title());
        TalkPlayer player = new TalkPlayer(library, library.play(talk.id()));
        player.setWidthFull();
        dialog.add(player);
        dialog.getFooter().add(new Button(getTranslation("media.close"), e -> dialog.close()));
        dialog.setWidth(talk.kind() == MediaKind.AUDIO ? "32rem" : "min(60rem, 95vw)");
        dialog.open();
    }

    /** Captions: a WebVTT file, checked before anything is stored; the message says what to export instead. */
    private void captions(MediaInfo talk) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("media.captions.title", talk.title()));
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> {
            if (UserErrors.attempt(() -> library.attachCaptions(talk.id(), data))) {
                dialog.close();
                table.refresh();
                Toasts.done("media.captions.saved");
            }
        }));
        upload.setAcceptedFileTypes(".vtt", "text/vtt");
        upload.setMaxFiles(1);
        UploadTexts.apply(upload, MediaLibrary.MAX_CAPTIONS_BYTES);
        dialog.add(new Paragraph(getTranslation("media.captions.help")), upload);
        dialog.getFooter().add(new Button(getTranslation("media.close"), e -> dialog.close()));
        dialog.setWidth("min(40rem, 95vw)");
        dialog.open();
    }

    private void confirmDelete(MediaInfo talk) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("media.delete.title"),
                getTranslation("media.delete.text", talk.title()), getTranslation("media.delete"), e -> {
                    library.delete(talk.id());
                    table.refresh();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("media.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.media");
    }
}
