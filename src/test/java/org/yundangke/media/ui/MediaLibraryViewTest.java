package org.yundangke.media.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yundangke.KaribuTest;
import org.yundangke.base.ui.AccessDeniedView;
import org.yundangke.media.MediaInfo;

class MediaLibraryViewTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_member_cannot_open_the_media_library() {
        login("member");
        UI.getCurrent().navigate("media");
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst())
                .isInstanceOf(AccessDeniedView.class);
    }

    @Test
    void a_failed_talk_shows_its_reason_and_retry_queues_it_again() {
        UUID id = talk("secretary-only-sees-nothing", "FAILED", "ffmpeg exited with 1: moov atom not found");
        login("lecturer");
        UI.getCurrent().navigate(MediaLibraryView.class);
        MediaLibraryView view = _get(MediaLibraryView.class);
        int row = rowOf(view, id);
        String state = GridKt._getCellComponent(view.grid, row, "state").getElement().getTextRecursively();
        assertThat(state).contains("转码失败", "moov atom not found", "重试");

        button(view, row, "重试").click();
        assertThat(jdbc.queryForObject("select state from media where id = ?", String.class, id)).isEqualTo("QUEUED");
    }

    @Test
    void deleting_asks_first_and_then_removes_the_talk() {
        UUID id = talk("to-be-deleted", "READY", null);
        login("lecturer");
        UI.getCurrent().navigate(MediaLibraryView.class);
        MediaLibraryView view = _get(MediaLibraryView.class);
        button(view, rowOf(view, id), "删除").click();
        assertThat(jdbc.queryForObject("select count(*) from media where id = ?", Integer.class, id)).isEqualTo(1);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(jdbc.queryForObject("select count(*) from media where id = ?", Integer.class, id)).isZero();
    }

    private UUID talk(String title, String state, String reason) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into media (id, owner_username, title, original_filename, size_bytes, state, kind,"
                + " duration_seconds, failure_reason, created_at, updated_at) values (?, 'lecturer', ?, ?, 1000, ?,"
                + " 'VIDEO', 60, ?, ?, ?)", id, title, title + ".mp4", state, reason, now, now);
        return id;
    }

    private static int rowOf(MediaLibraryView view, UUID id) {
        for (int row = 0; row < GridKt._size(view.grid); row++) {
            MediaInfo talk = GridKt._get(view.grid, row);
            if (talk.id().equals(id)) {
                return row;
            }
        }
        throw new AssertionError("talk " + id + " not listed");
    }

    private static Button button(MediaLibraryView view, int row, String text) {
        HorizontalLayout actions = (HorizontalLayout) GridKt._getCellComponent(view.grid, row, "actions");
        return actions.getChildren().map(Button.class::cast).filter(b -> b.getText().equals(text)).findFirst()
                .orElseThrow();
    }
}
