package org.yundangke.catalogue.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yundangke.TestTalks;
import org.yundangke.KaribuTest;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.catalogue.LessonState;
import org.yundangke.media.MediaInfo;

class LessonsEditorViewTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_lecturer_makes_a_lesson_of_a_ready_talk_and_publishes_it() {
        UUID talk = TestTalks.ready(jdbc, "lecturer", "红船精神", 1800);
        login("lecturer");
        UI.getCurrent().navigate(LessonsEditorView.class);
        LessonsEditorView editor = _get(LessonsEditorView.class);
        editor.create.click();
        Dialog dialog = _get(Dialog.class);
        @SuppressWarnings("unchecked")
        Select<MediaInfo> pick = _get(dialog, Select.class, spec -> {});
        pick.setValue(pick.getListDataView().getItems().filter(m -> m.id().equals(talk)).findFirst().orElseThrow());
        String title = "红船精神永放光芒 " + talk.toString().substring(0, 6);
        _get(dialog, TextField.class, spec -> spec.withLabel("党课标题")).setValue(title);
        _get(dialog, TextField.class, spec -> spec.withLabel("主讲人")).setValue("周宣讲");
        _get(Button.class, spec -> spec.withText("保存并发布")).click();

        LessonInfo made = GridKt._findAll(editor.grid).stream().filter(l -> l.title().equals(title)).findFirst()
                .orElseThrow();
        assertThat(made.state()).isEqualTo(LessonState.PUBLISHED);
        assertThat(made.everyone()).isTrue();
        assertThat(made.mediaId()).isEqualTo(talk);
    }

    @Test
    void a_lesson_needs_a_title_and_a_speaker() {
        TestTalks.ready(jdbc, "lecturer", "", 60);
        login("lecturer");
        UI.getCurrent().navigate(LessonsEditorView.class);
        LessonsEditorView editor = _get(LessonsEditorView.class);
        int before = GridKt._size(editor.grid);
        editor.create.click();
        _get(Button.class, spec -> spec.withText("保存并发布")).click();
        assertThat(_get(Dialog.class).isOpened()).as("the form stays open with a message").isTrue();
        assertThat(GridKt._size(editor.grid)).isEqualTo(before);
    }
}
