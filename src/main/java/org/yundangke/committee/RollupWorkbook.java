package org.yundangke.committee;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.yundangke.base.Translations;

/** A committee's or branch's overview as an Excel sheet: the same rows and columns as the page's table. */
@Service
public class RollupWorkbook {

    private final Translations translations;

    RollupWorkbook(Translations translations) {
        this.translations = translations;
    }

    /** The columns the page's table and the sheet share: the row's name, then these. */
    public List<String> headers(Rollups.Kind rows, Locale locale) {
        return rows == Rollups.Kind.MEMBER
                ? List.of(text(locale, "overview.studied"), text(locale, "overview.hours"), text(locale, "overview.reached.member"))
                : List.of(text(locale, "overview.members"), text(locale, "overview.participation"),
                        text(locale, "overview.reached"), text(locale, "overview.hours.average"),
                        text(locale, "overview.scorecard"), text(locale, "overview.model"));
    }

    /** One row's cells in the order of {@link #headers}. */
    public List<String> cells(Rollups.Row row, Locale locale) {
        Rollups.Figures f = row.figures();
        if (row.kind() == Rollups.Kind.MEMBER) {
            return List.of(text(locale, f.studied() > 0 ? "overview.yes" : "overview.no"),
                    f.studyHours().stripTrailingZeros().toPlainString(),
                    text(locale, f.reached() > 0 ? "overview.yes" : "overview.no"));
        }
        String model = row.kind() == Rollups.Kind.BRANCH
                ? (row.modelLevel() == null ? "" : text(locale, "overview.model." + row.modelLevel()))
                : String.valueOf(f.modelBranches());
        return List.of(String.valueOf(f.members()), f.participation() + "%", f.reachedShare() + "%",
                f.hoursPerMember().toPlainString(),
                f.averageScorecard() == null ? "—" : f.averageScorecard().toPlainString(), model);
    }

    public byte[] of(Rollups.Overview overview, String title, Locale locale) {
        Rollups.Kind kind = overview.rows().isEmpty() ? Rollups.Kind.COMMITTEE : overview.rows().getFirst().kind();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(text(locale, "overview.sheet"));
            sheet.createRow(0).createCell(0).setCellValue(title);
            Row header = sheet.createRow(1);
            header.createCell(0).setCellValue(text(locale, "overview.name"));
            List<String> headers = headers(kind, locale);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c + 1).setCellValue(headers.get(c));
            }
            int r = 2;
            for (Rollups.Row row : overview.rows()) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(row.name());
                List<String> cells = cells(row, locale);
                for (int c = 0; c < cells.size(); c++) {
                    line.createCell(c + 1).setCellValue(cells.get(c));
                }
            }
            sheet.setColumnWidth(0, 40 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(Locale locale, String key, Object... args) {
        return translations.getTranslation(key, locale, args);
    }
}
