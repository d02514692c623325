package org.yundangke.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** A calm, honest "nothing here yet" box that says what will appear and when. */
public class EmptyState extends Div {

    public EmptyState(String title, String explanation) {
        addClassName("ydk-empty");
        Span heading = new Span(title);
        heading.addClassName("ydk-empty-title");
        add(heading, new Paragraph(explanation));
    }
}
