package org.yundangke.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One setting as a heading and a row of large labelled choices, the chosen one marked. The choices are sized in
 * pixels, not in the font step, so a choice never moves or grows under the finger that just chose it.
 */
class SettingChoices<T> extends Div {

    SettingChoices(String label, List<T> values, T current, Function<T, String> caption, Consumer<T> onChoose) {
        addClassName("ydk-setting");
        H2 heading = new H2(label);
        Div choices = new Div();
        choices.addClassName("ydk-setting-choices");
        choices.getElement().setAttribute("role", "group");
        choices.getElement().setAttribute("aria-label", label);
        for (T value : values) {
            Button choice = new Button(caption.apply(value));
            choice.getElement().setAttribute("aria-pressed", String.valueOf(value.equals(current)));
            choice.addClickListener(e -> {
                choices.getChildren().forEach(c -> c.getElement().setAttribute("aria-pressed",
                        String.valueOf(c == choice)));
                onChoose.accept(value);
            });
            choices.add(choice);
        }
        add(heading, choices);
    }
}
