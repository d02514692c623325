package org.yundangke.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.util.List;

/**
 * What an import's check found wrong: the link to the error workbook, then the first rows' problems as a list
 * ("第 3 行：…"), the same for every import.
 */
public class ImportProblems extends Div {

    public static final int SHOWN = 50;

    /** One wrong row: its number and its reasons, already in the reader's language. */
    public record Line(int rowNumber, List<String> reasons) {
    }

    public ImportProblems(DownloadHandler errorWorkbook, List<Line> lines) {
        Anchor errors = new Anchor(errorWorkbook, getTranslation("import.errors.download"));
        errors.getElement().setAttribute("download", true);
        errors.addClassName("ydk-big-link");
        UnorderedList problems = new UnorderedList();
        lines.stream().limit(SHOWN).forEach(line -> problems.add(new ListItem(getTranslation("import.problem",
                line.rowNumber(), String.join("；", line.reasons())))));
        add(errors, problems);
    }
}
