package org.yundangke.branch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.yundangke.base.Translations;
import org.yundangke.study.CompletionMatrix;

/**
 * The completion matrix as an Excel sheet, as the page shows it: one row per member, one column per assignment, the
 * cell in words ("已完成", "学了 40%", "已过期"), and the totals in the last row and column.
 */
@Service
public class MatrixWorkbook {

    private final CompletionMatrix matrix;
    private final Translations translations;

    MatrixWorkbook(CompletionMatrix matrix, Translations translations) {
        this.matrix = matrix;
        this.translations = translations;
    }

    /** The workbook of a branch in the caller's scope, with the filter the page shows. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public byte[] of(long branchId, String title, CompletionMatrix.Filter filter, Locale locale) {
        CompletionMatrix.Matrix m = matrix.of(branchId, filter);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(text(locale, "matrix.sheet"));
            int last = m.columns().size() + 1;
            sheet.createRow(0).createCell(0).setCellValue(title);
            if (last > 0) {
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
            }
            Row header = sheet.createRow(1);
            header.createCell(0).setCellValue(text(locale, "member.name"));
            for (int c = 0; c < m.columns().size(); c++) {
                header.createCell(c + 1).setCellValue(columnTitle(m.columns().get(c), locale));
            }
            header.createCell(last).setCellValue(text(locale, "matrix.member.total"));
            int r = 2;
            for (CompletionMatrix.Row row : m.rows()) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(row.member().name());
                for (int c = 0; c < row.cells().size(); c++) {
                    line.createCell(c + 1).setCellValue(cellText(row.cells().get(c), locale));
                }
                line.createCell(last).setCellValue(text(locale, "matrix.count", row.finished(), row.asked()));
            }
            Row totals = sheet.createRow(r);
            totals.createCell(0).setCellValue(text(locale, "matrix.total"));
            for (int c = 0; c < m.columns().size(); c++) {
                CompletionMatrix.Column column = m.columns().get(c);
                totals.createCell(c + 1).setCellValue(text(locale, "matrix.count", column.finished(), column.asked()));
            }
            sheet.createFreezePane(1, 2);
            sheet.setColumnWidth(0, 12 * 256);
            for (int c = 1; c <= last; c++) {
                sheet.setColumnWidth(c, 16 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "《title》 12月20日前" */
    public String columnTitle(CompletionMatrix.Column column, Locale locale) {
        LocalDate due = column.study().assignment().dueOn();
        String title = column.study().available() ? column.study().title() : text(locale, "assignment.unavailable");
        return due == null ? title : text(locale, "matrix.column.due", title, due.getMonthValue(), due.getDayOfMonth());
    }

    /** A cell in words, as the page and the workbook say it. */
    public String cellText(CompletionMatrix.Cell cell, Locale locale) {
        return switch (cell.state()) {
            case IN_PROGRESS -> text(locale, "matrix.state.IN_PROGRESS", cell.percent());
            case OVERDUE -> cell.percent() > 0 ? text(locale, "matrix.state.OVERDUE.begun", cell.percent())
                    : text(locale, "matrix.state.OVERDUE");
            default -> text(locale, "matrix.state." + cell.state().name());
        };
    }

    private String text(Locale locale, String key, Object... args) {
        return translations.getTranslation(key, locale, args);
    }
}
