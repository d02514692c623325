package org.yundangke.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.yundangke.KaribuTest;
import org.yundangke.base.FontStep;

/** A table turns into labelled cards with full buttons when the room is narrow in rem, and back when it widens. */
class ResponsiveGridTest extends KaribuTest {

    record Row(String name, int hours) {
    }

    @Test
    void the_choice_follows_the_room_in_rem_not_in_pixels() {
        login("secretary");
        UI ui = UI.getCurrent();
        ComponentUtil.setData(ui, FontStep.class, FontStep.STANDARD);
        assertThat(ResponsiveGrid.narrow(ui, 1280)).as("960 px for the page at 18 px: 53 rem").isFalse();
        assertThat(ResponsiveGrid.narrow(ui, 390)).isTrue();
        assertThat(ResponsiveGrid.narrow(ui, 0)).as("width unknown: the table").isFalse();
        ComponentUtil.setData(ui, FontStep.class, FontStep.EXTRA_LARGE);
        assertThat(ResponsiveGrid.narrow(ui, 1280)).as("960 px at 24 px: 40 rem").isTrue();
        ComponentUtil.setData(ui, FontStep.class, FontStep.HUGE);
        assertThat(ResponsiveGrid.narrow(ui, 1920)).as("1600 px at 30 px: 53 rem").isFalse();
    }

    @Test
    void as_cards_every_column_is_a_labelled_field_the_actions_full_buttons_twenty_at_a_time() {
        login("secretary");
        List<String> opened = new ArrayList<>();
        ResponsiveGrid<Row> table = new ResponsiveGrid<>();
        table.addColumn("姓名", Row::name);
        table.addColumn("学时", Row::hours);
        table.addComponentColumn("操作", row -> new Button("撤回", e -> opened.add("撤回 " + row.name())));
        table.setItems(IntStream.rangeClosed(1, 25).mapToObj(n -> new Row("党员" + n, n)).toList());
        UI.getCurrent().add(table);

        table.showAs(true);
        assertThat(table.grid.isVisible()).isFalse();
        assertThat(table.cards.getChildren().count()).isEqualTo(ResponsiveGrid.PAGE);
        assertThat(table.cards.getChildren().findFirst().orElseThrow().getElement().getTextRecursively())
                .contains("姓名", "党员1", "学时", "1", "操作", "撤回");
        _find(table.cards, Button.class).getFirst().click();
        assertThat(opened).containsExactly("撤回 党员1");

        assertThat(table.more.isVisible()).isTrue();
        table.more.click();
        assertThat(table.cards.getChildren().count()).isEqualTo(25);
        assertThat(table.more.isVisible()).isFalse();

        table.showAs(false);
        assertThat(table.grid.isVisible()).isTrue();
        assertThat(table.cards.getChildren().count()).isZero();
    }
}
