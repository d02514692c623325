package org.yundangke.credit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.yundangke.base.Translations;

/**
 * A branch's or committee's yearly record as an Excel workbook (.xlsx): one row per member.
 *
 * <p>Layout of the single sheet "{year}年学时积分": row 1 the title (merged over all columns), row 2 the header
 * (frozen, repeated on printed pages), then one row per member, then a totals row (合计) holding computed values,
 * not formulas. Numbers are numeric cells in the "General" format, so 32, 12.5 and 0.25 show as such.
 *
 * <p>Streams rows with {@link SXSSFWorkbook} (100 rows in memory), so tens of thousands of rows fit a small heap.
 * Stateless and thread-safe.
 */
@org.springframework.stereotype.Component
class LedgerWorkbook {

    /** Message keys of the header row; the texts are Chinese, the language of the record. */
    static final String[] HEADERS = {"workbook.name", "workbook.primary-branch", "workbook.relation",
            "workbook.hours", "workbook.points", "workbook.target", "workbook.reached", "workbook.lessons",
            "workbook.evidence"};
    private static final int[] WIDTHS_IN_CHARS = {12, 36, 8, 10, 10, 10, 10, 10, 8};
    static final int TITLE_ROW = 0;
    static final int HEADER_ROW = 1;
    static final int FIRST_MEMBER_ROW = 2;
    private static final int ROW_WINDOW = 100;

    private final Translations translations;

    LedgerWorkbook(Translations translations) {
        this.translations = translations;
    }

    byte[] render(String title, int year, List<MemberRow> rows) {
        // close() also disposes of the temporary files that hold the rows flushed out of the window (POI 5.5.1)
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROW_WINDOW)) {
            workbook.setCompressTempFiles(true);
            Styles styles = new Styles(workbook);
            SXSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(text("workbook.sheet", String.valueOf(year))));
            for (int i = 0; i < WIDTHS_IN_CHARS.length; i++) {
                sheet.setColumnWidth(i, WIDTHS_IN_CHARS[i] * 256);
            }

            Row titleRow = sheet.createRow(TITLE_ROW);
            titleRow.setHeightInPoints(30f);
            text(titleRow, 0, title, styles.title);
            for (int i = 1; i < HEADERS.length; i++) {
                titleRow.createCell(i).setCellStyle(styles.title);
            }
            sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, HEADERS.length - 1));

            Row headerRow = sheet.createRow(HEADER_ROW);
            headerRow.setHeightInPoints(22f);
            for (int i = 0; i < HEADERS.length; i++) {
                text(headerRow, i, text(HEADERS[i]), styles.header);
            }
            sheet.createFreezePane(0, FIRST_MEMBER_ROW);
            sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
            sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, HEADER_ROW, 0, HEADERS.length - 1));
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.getPrintSetup().setLandscape(true);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);

            BigDecimal hours = BigDecimal.ZERO;
            BigDecimal points = BigDecimal.ZERO;
            BigDecimal targets = BigDecimal.ZERO;
            long lessons = 0;
            long evidence = 0;
            int reached = 0;
            int r = FIRST_MEMBER_ROW;
            for (MemberRow m : rows) {
                Row row = sheet.createRow(r++);
                text(row, 0, m.memberName(), styles.text);
                text(row, 1, m.primaryBranchName(), styles.text);
                text(row, 2, text(m.primaryHere() ? "workbook.primary" : "workbook.managing"), styles.centered);
                number(row, 3, m.studyHours().doubleValue(), styles.number);
                number(row, 4, m.points().doubleValue(), styles.number);
                number(row, 5, m.targetHours().doubleValue(), styles.number);
                text(row, 6, text(m.targetReached() ? "workbook.yes" : "workbook.no"), styles.centered);
                number(row, 7, m.lessonsCompleted(), styles.number);
                number(row, 8, m.evidenceRecords(), styles.number);
                hours = hours.add(m.studyHours());
                points = points.add(m.points());
                targets = targets.add(m.targetHours());
                lessons += m.lessonsCompleted();
                evidence += m.evidenceRecords();
                if (m.targetReached()) {
                    reached++;
                }
            }

            Row totals = sheet.createRow(r);
            text(totals, 0, text("workbook.total"), styles.totalText);
            text(totals, 1, text("workbook.people", String.valueOf(rows.size())), styles.totalText);
            text(totals, 2, "", styles.totalText);
            number(totals, 3, hours.doubleValue(), styles.totalNumber);
            number(totals, 4, points.doubleValue(), styles.totalNumber);
            number(totals, 5, targets.doubleValue(), styles.totalNumber);
            text(totals, 6, text("workbook.reached-people", String.valueOf(reached)), styles.totalText);
            number(totals, 7, lessons, styles.totalNumber);
            number(totals, 8, evidence, styles.totalNumber);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ledger workbook", e);
        }
    }

    private String text(String key, Object... args) {
        return translations.getTranslation(key, Translations.CHINESE, args);
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void number(Row row, int column, double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** Cell styles are per workbook and limited in number: create each once. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle text;
        final CellStyle centered;
        final CellStyle number;
        final CellStyle totalText;
        final CellStyle totalNumber;

        Styles(SXSSFWorkbook wb) {
            XSSFFont titleFont = (XSSFFont) wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 16);
            XSSFFont boldFont = (XSSFFont) wb.createFont();
            boldFont.setBold(true);
            boldFont.setFontHeightInPoints((short) 12);
            XSSFFont plainFont = (XSSFFont) wb.createFont();
            plainFont.setFontHeightInPoints((short) 12);

            title = wb.createCellStyle();
            title.setFont(titleFont);
            title.setAlignment(HorizontalAlignment.CENTER);
            title.setVerticalAlignment(VerticalAlignment.CENTER);

            header = bordered(wb);
            header.setFont(boldFont);
            header.setAlignment(HorizontalAlignment.CENTER);

            text = bordered(wb);
            text.setFont(plainFont);

            centered = bordered(wb);
            centered.setFont(plainFont);
            centered.setAlignment(HorizontalAlignment.CENTER);

            number = bordered(wb);
            number.setFont(plainFont);
            number.setAlignment(HorizontalAlignment.RIGHT);

            totalText = bordered(wb);
            totalText.setFont(boldFont);

            totalNumber = bordered(wb);
            totalNumber.setFont(boldFont);
            totalNumber.setAlignment(HorizontalAlignment.RIGHT);
        }

        private static CellStyle bordered(SXSSFWorkbook wb) {
            CellStyle s = wb.createCellStyle();
            s.setBorderTop(BorderStyle.THIN);
            s.setBorderBottom(BorderStyle.THIN);
            s.setBorderLeft(BorderStyle.THIN);
            s.setBorderRight(BorderStyle.THIN);
            s.setVerticalAlignment(VerticalAlignment.CENTER);
            return s;
        }
    }
}
