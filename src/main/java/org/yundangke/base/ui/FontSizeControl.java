package org.yundangke.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.function.Consumer;
import org.yundangke.base.FontStep;

/** "A−  字号：大  A+": steps the app-wide font size; the new step applies at once and is saved for the user. */
class FontSizeControl extends HorizontalLayout {

    final Button smaller = new Button("A−");
    final Button larger = new Button("A+");
    final Span current = new Span();
    private FontStep step;
    private final Consumer<FontStep> onChange;

    FontSizeControl(FontStep initial, Consumer<FontStep> onChange) {
        this.step = initial;
        this.onChange = onChange;
        addClassName("ydk-font-size");
        setAlignItems(Alignment.CENTER);
        setSpacing(false);
        smaller.setAriaLabel(getTranslation("font.smaller"));
        larger.setAriaLabel(getTranslation("font.larger"));
        smaller.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        larger.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        smaller.addClickListener(e -> change(-1));
        larger.addClickListener(e -> change(1));
        current.getElement().setAttribute("aria-live", "polite");
        add(smaller, current, larger);
        show();
    }

    FontStep step() {
        return step;
    }

    private void change(int delta) {
        step = FontStep.of(step.ordinal() + delta);
        UiSetup.applyFontStep(UI.getCurrent(), step);
        onChange.accept(step);
        show();
    }

    private void show() {
        current.setText(getTranslation("font.step." + step.name().toLowerCase()));
        current.setTitle(getTranslation("font.label"));
        smaller.setEnabled(step.ordinal() > 0);
        larger.setEnabled(step.ordinal() < FontStep.values().length - 1);
    }
}
