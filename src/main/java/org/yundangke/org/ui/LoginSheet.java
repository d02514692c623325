package org.yundangke.org.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinServletRequest;

/**
 * The sheet a secretary prints and hands to a member: the site's address, the member's name, their user name and
 * one-time password in large type, and what happens at the first login. Shown once; the password is not kept.
 */
class LoginSheet extends Dialog {

    final Div sheet = new Div();

    LoginSheet(String memberName, String username, String oneTimePassword) {
        setHeaderTitle(getTranslation("account.sheet.title"));
        sheet.addClassName("ydk-login-sheet");
        sheet.add(new H2(getTranslation("account.sheet.heading", memberName)),
                line("account.sheet.address", address()),
                line("account.sheet.username", username),
                line("account.sheet.password", oneTimePassword),
                new Paragraph(getTranslation("account.sheet.first-login")));
        add(sheet);
        Button print = new Button(getTranslation("account.sheet.print"),
                e -> getElement().executeJs("window.print()"));
        print.addClassName("ydk-big-button");
        Button close = new Button(getTranslation("account.reset.close"), e -> close());
        getFooter().add(print, close);
        setWidth("min(40rem, 95vw)");
    }

    private Div line(String key, String value) {
        Span label = new Span(getTranslation(key));
        label.addClassName("ydk-field-label");
        Span shown = new Span(value);
        shown.addClassName("ydk-sheet-value");
        Div line = new Div(label, shown);
        line.addClassName("ydk-sheet-line");
        return line;
    }

    private static String address() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return "";
        }
        String url = request.getRequestURL().toString();
        int path = url.indexOf('/', url.indexOf("//") + 2);
        return path < 0 ? url : url.substring(0, path);
    }
}
