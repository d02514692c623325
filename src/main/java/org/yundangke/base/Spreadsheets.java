package org.yundangke.base;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The Excel side of every import (questions, members): the first sheet read as a stream of rows (so 10,000 rows take
 * little memory), each with the number Excel shows it under, blank rows left out; and a sheet written back with
 * 错误行号 and 错误原因 beside the rows that are wrong.
 */
public final class Spreadsheets {

    private Spreadsheets() {
    }

    /** The rows read, and the row number (as Excel shows it) of each. */
    public record Rows(List<List<String>> cells, List<Integer> numbers) {
    }

    /** A row to write back: its cells, and for a wrong row its number and the reasons (empty for a good row). */
    public record Checked(List<String> cells, int rowNumber, List<String> reasons) {
    }

    /**
     * The first sheet's rows, the header first; refused as "import.not-xlsx" when the file is no workbook, and as
     * "import.too-many" beyond {@code maxRows}. {@code progress} hears the rows read so far.
     */
    public static Rows read(InputStream xlsx, int maxRows, IntConsumer progress) {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        try (OPCPackage workbook = OPCPackage.open(xlsx)) {
            XSSFReader reader = new XSSFReader(workbook);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                return new Rows(rows, numbers);
            }
            XMLReader parser = SAXHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                    new ReadOnlySharedStringsTable(workbook), new RowCollector(rows, numbers, maxRows, progress),
                    new DataFormatter(), false));
            try (InputStream sheet = sheets.next()) {
                parser.parse(new InputSource(sheet));
            }
        } catch (TooManyRows e) {
            throw new UserError("import.too-many", maxRows);
        } catch (Exception notAWorkbook) { // POI's and SAX's many ways of saying "not an xlsx we can read"
            throw new UserError("import.not-xlsx");
        }
        return new Rows(rows, numbers);
    }

    /** A sheet of the header (with the two columns added) and the rows, the wrong ones in dark red. */
    public static byte[] errorWorkbook(String sheetName, List<String> header, String rowColumn, String reasonColumn,
                                       int columns, List<Checked> rows) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        Sheet sheet = workbook.createSheet(sheetName);
        List<String> head = new ArrayList<>(header);
        head.add(rowColumn);
        head.add(reasonColumn);
        write(sheet.createRow(0), head, null);
        CellStyle wrong = workbook.createCellStyle();
        Font red = workbook.createFont();
        red.setColor(IndexedColors.DARK_RED.getIndex());
        wrong.setFont(red);
        int at = 1;
        for (Checked row : rows) {
            // a corrected error workbook comes back with the old reasons beside it: those are left out
            List<String> cells = new ArrayList<>(row.cells().subList(0, Math.min(row.cells().size(), columns)));
            while (cells.size() < columns) {
                cells.add("");
            }
            boolean good = row.reasons().isEmpty();
            cells.add(good ? "" : String.valueOf(row.rowNumber()));
            cells.add(String.join("；", row.reasons()));
            write(sheet.createRow(at++), cells, good ? null : wrong);
        }
        return bytes(workbook);
    }

    /** A sheet of a header and rows. */
    public static byte[] workbook(String sheetName, List<String> header, List<List<String>> rows) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        Sheet sheet = workbook.createSheet(sheetName);
        write(sheet.createRow(0), header, null);
        int at = 1;
        for (List<String> row : rows) {
            write(sheet.createRow(at++), row, null);
        }
        return bytes(workbook);
    }

    public static void write(Row row, List<String> cells, @Nullable CellStyle style) {
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(cells.get(i));
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    /** The workbook written out and closed (its temporary files with it). */
    public static byte[] bytes(SXSSFWorkbook workbook) {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of cell texts as the sheet's XML streams past, gaps kept as empty cells, blank rows left out. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final List<List<String>> rows;
        private final List<Integer> numbers;
        private final int maxRows;
        private final IntConsumer progress;
        private List<String> current = new ArrayList<>();

        RowCollector(List<List<String>> rows, List<Integer> numbers, int maxRows, IntConsumer progress) {
            this.rows = rows;
            this.numbers = numbers;
            this.maxRows = maxRows;
            this.progress = progress;
        }

        @Override
        public void startRow(int rowNum) {
            current = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            if (current.stream().anyMatch(c -> !c.isBlank())) {
                if (rows.size() > maxRows) {
                    throw new TooManyRows();
                }
                rows.add(current);
                numbers.add(rowNum + 1); // as Excel shows it
                if (rows.size() % 100 == 0) {
                    progress.accept(rows.size());
                }
            }
        }

        @Override
        public void cell(String reference, @Nullable String value, @Nullable XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            while (current.size() < column) {
                current.add("");
            }
            current.add(value == null ? "" : value);
        }
    }

    private static final class TooManyRows extends RuntimeException {
    }
}
