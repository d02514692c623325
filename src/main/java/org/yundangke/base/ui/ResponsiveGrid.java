package org.yundangke.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.yundangke.base.FontStep;

/**
 * A table on a wide screen at small text, a list of cards when the screen is narrow or the text large: each card shows
 * every column as a labelled field and the actions as full-width buttons, so nothing is cut off with "⋯" and no action
 * hides off screen. One component for every table of the app; columns are added through it so both forms show the
 * same. The choice follows the window's width in rem (its pixels over the font step's), and changes when the window
 * does.
 */
public class ResponsiveGrid<T> extends Composite<Div> {

    /** Below this many rem of room for the page (the window less the side menu) the rows become cards. */
    static final int CARDS_BELOW_REM = 45;
    static final int DRAWER_PIXELS = 320;
    static final int LAYOUT_OVERLAY_PIXELS = 800;
    static final int PAGE = 20;

    public final Grid<T> grid = new Grid<>();
    private final List<Field<T>> fields = new ArrayList<>();
    final Div cards = new Div();
    final Button more = new Button();
    private int shown = PAGE;
    private @Nullable String empty;
    private @Nullable Consumer<T> onOpen;
    private @Nullable String openLabel;
    private boolean cardMode;

    private record Field<T>(String header, SerializableFunction<T, Component> value) {
    }

    public ResponsiveGrid() {
        cards.addClassName("ydk-grid-cards");
        more.setText(getTranslation("grid.more"));
        more.addClassName("ydk-big-button");
        more.addClickListener(e -> {
            shown += PAGE;
            renderCards();
        });
        getContent().addClassName("ydk-responsive-grid");
        getContent().add(grid, cards, more);
        getContent().setWidthFull();
        addAttachListener(attach -> {
            showAs(narrow(attach.getUI(), attach.getUI().getPage().getExtendedClientDetails().getWindowInnerWidth()));
            Registration resize = attach.getUI().getPage().addBrowserWindowResizeListener(e -> {
                boolean asCards = narrow(attach.getUI(), e.getWidth());
                if (asCards != cardMode) { // most resizes keep the form: nothing to fetch or build again
                    showAs(asCards);
                }
            });
            addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }

    /** A column of text; {@code text} gives the cell's words (null shows nothing). */
    public Grid.Column<T> addColumn(String header, ValueProvider<T, ?> text) {
        fields.add(new Field<>(header, item -> new Span(Objects.toString(text.apply(item), ""))));
        return grid.addColumn(text).setHeader(header);
    }

    /** A column of components (links, buttons, states); on a card, buttons fill the width. */
    public Grid.Column<T> addComponentColumn(String header, SerializableFunction<T, Component> component) {
        fields.add(new Field<>(header, component));
        return grid.addComponentColumn(component::apply).setHeader(header);
    }

    /** What opening a row does (a click on the row; on a card, a full-width button labelled {@code label}). */
    public void onOpen(String label, Consumer<T> open) {
        this.onOpen = open;
        this.openLabel = label;
        grid.addItemClickListener(e -> open.accept(e.getItem()));
    }

    public void setItems(Collection<T> items) {
        grid.setItems(items);
        refresh();
    }

    /** Items fetched a page at a time (as the grid's lazy loading does). */
    public void setItems(CallbackDataProvider.FetchCallback<T, Void> fetch) {
        grid.setItems(fetch);
        refresh();
    }

    /** After the items changed: the table fetches again and the cards are built again. */
    public void refresh() {
        grid.getDataProvider().refreshAll();
        if (cardMode) {
            renderCards();
        }
    }

    public void setEmptyStateText(String text) {
        empty = text;
        grid.setEmptyStateText(text);
    }

    public void setAriaLabel(String label) {
        grid.setAriaLabel(label);
        cards.getElement().setAttribute("aria-label", label);
    }

    /** Narrow when the page has fewer than {@link #CARDS_BELOW_REM} rem; unknown width (0) keeps the table. */
    static boolean narrow(UI ui, int windowWidth) {
        if (windowWidth <= 0) {
            return false;
        }
        int room = windowWidth > LAYOUT_OVERLAY_PIXELS ? windowWidth - DRAWER_PIXELS : windowWidth;
        FontStep step = Objects.requireNonNullElse(ComponentUtil.getData(ui, FontStep.class), FontStep.STANDARD);
        return room < CARDS_BELOW_REM * step.bodyPixels();
    }

    void showAs(boolean asCards) {
        cardMode = asCards;
        grid.setVisible(!asCards);
        cards.setVisible(asCards);
        more.setVisible(false);
        if (asCards) {
            renderCards();
        } else {
            cards.removeAll();
        }
    }

    @SuppressWarnings("unchecked")
    private void renderCards() {
        cards.removeAll();
        List<T> items = ((com.vaadin.flow.data.provider.DataProvider<T, Object>) grid.getDataProvider())
                .fetch(new Query<>(0, shown + 1, List.of(), null, null)).toList();
        // a list only when there is something in it (an empty one would be a list without items)
        if (items.isEmpty()) {
            cards.getElement().removeAttribute("role");
        } else {
            cards.getElement().setAttribute("role", "list");
        }
        if (items.isEmpty() && empty != null) {
            cards.add(new Paragraph(empty));
        }
        items.stream().limit(shown).forEach(item -> cards.add(card(item)));
        more.setVisible(items.size() > shown);
    }

    private Div card(T item) {
        Div card = new Div();
        card.addClassNames("ydk-card", "ydk-grid-card");
        card.getElement().setAttribute("role", "listitem");
        for (Field<T> field : fields) {
            Span label = new Span(field.header());
            label.addClassName("ydk-field-label");
            Div value = new Div(field.value().apply(item));
            value.addClassName("ydk-field-value");
            Div row = new Div(label, value);
            row.addClassName("ydk-field");
            card.add(row);
        }
        if (onOpen != null) {
            Button open = new Button(openLabel, e -> onOpen.accept(item));
            open.addClassName("ydk-big-button");
            card.add(open);
        }
        return card;
    }
}
