package org.yundangke.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/** Loads the Lumo theme and our own styles (served from {@code frontend/}, no Node build). */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("context://ydk/styles/yundangke.css")
@Meta(name = "theme-color", content = "#b71c1c")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("云党课 Yundangke");
        // the browser asks for an icon on every page; without one it logs a 404
        settings.addFavIcon("icon", "/ydk/icons/icon.svg", "any");
    }
}
