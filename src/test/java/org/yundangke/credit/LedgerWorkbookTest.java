package org.yundangke.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.yundangke.base.Translations;

class LedgerWorkbookTest {

    private final LedgerWorkbook ledger = new LedgerWorkbook(new Translations());

    private static final List<MemberRow> THREE = List.of(
            new MemberRow("王建国", "原南京市财政局离退休干部党支部", true,
                    new BigDecimal("12.5"), new BigDecimal("48"), new BigDecimal("32"), 9, 3),
            new MemberRow("李秀英", "原南京市财政局离退休干部党支部", true,
                    new BigDecimal("32.25"), new BigDecimal("120"), new BigDecimal("32"), 20, 5),
            new MemberRow("张卫东", "原南京市税务局离退休干部党支部", false,
                    new BigDecimal("0.25"), new BigDecimal("1.5"), new BigDecimal("24"), 0, 0));

    @Test
    void writesHeaderMembersAndTotalsAsNumbers() throws Exception {
        byte[] xlsx = ledger.render("原南京市财政局离退休干部党支部 2026 年度学时积分台账", 2026, THREE);

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(1);
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("2026年学时积分");

            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("原南京市财政局离退休干部党支部 2026 年度学时积分台账");
            assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(0, 0, 0, 8));

            Row header = sheet.getRow(1);
            List<String> headers = new ArrayList<>();
            header.forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).containsExactly("姓名", "隶属支部", "关系", "学时", "积分", "年度目标", "是否达标", "学完课程", "记实");
            assertThat(wb.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(sheet.getColumnWidth(1)).isGreaterThan(sheet.getColumnWidth(2));

            assertMember(sheet.getRow(2), "王建国", "隶属", 12.5, 48, 32, "否", 9, 3);
            assertMember(sheet.getRow(3), "李秀英", "隶属", 32.25, 120, 32, "是", 20, 5);
            assertMember(sheet.getRow(4), "张卫东", "管理", 0.25, 1.5, 24, "否", 0, 0);
            assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo("原南京市税务局离退休干部党支部");

            Row totals = sheet.getRow(5);
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(numeric(totals, 3)).isEqualTo(12.5 + 32.25 + 0.25);
            assertThat(numeric(totals, 4)).isEqualTo(48 + 120 + 1.5);
            assertThat(numeric(totals, 5)).isEqualTo(32 + 32 + 24);
            assertThat(totals.getCell(6).getStringCellValue()).isEqualTo("达标 1 人");
            assertThat(numeric(totals, 7)).isEqualTo(29);
            assertThat(numeric(totals, 8)).isEqualTo(8);
        }
    }

    @Test
    void writesAnEmptyLedgerWithZeroTotals() throws Exception {
        byte[] xlsx = ledger.render("空台账", 2026, List.of());

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row totals = wb.getSheetAt(0).getRow(2);
            assertThat(totals.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(numeric(totals, 3)).isZero();
        }
    }

    @Test
    void streamsTwentyThousandRows() throws Exception {
        int n = 20_000;
        List<MemberRow> rows = new ArrayList<>(n);
        BigDecimal expectedHours = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal hours = BigDecimal.valueOf(i % 130, 2).add(BigDecimal.valueOf(i % 40)); // e.g. 12.5, 0.25
            expectedHours = expectedHours.add(hours);
            rows.add(new MemberRow("党员" + i, "第" + (i % 300) + "离退休干部党支部", i % 7 != 0,
                    hours, BigDecimal.valueOf(i % 200), new BigDecimal("32"), i % 50, i % 9));
        }

        long start = System.nanoTime();
        byte[] xlsx = ledger.render("市委老干部局 2026 年度学时积分台账", 2026, rows);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("20,000-row ledger: %d ms, %d bytes%n", millis, xlsx.length);

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(2 + n + 1);
            assertThat(sheet.getLastRowNum()).isEqualTo(2 + n);
            assertThat(sheet.getRow(2 + n - 1).getCell(0).getStringCellValue()).isEqualTo("党员" + (n - 1));
            assertThat(sheet.getRow(2 + n).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(numeric(sheet.getRow(2 + n), 3)).isEqualTo(expectedHours.doubleValue());
        }
    }

    private static void assertMember(Row row, String name, String relation, double hours, double points,
                                     double target, String reached, int lessons, int evidence) {
        assertThat(row.getCell(0).getStringCellValue()).isEqualTo(name);
        assertThat(row.getCell(2).getStringCellValue()).isEqualTo(relation);
        assertThat(numeric(row, 3)).isEqualTo(hours);
        assertThat(numeric(row, 4)).isEqualTo(points);
        assertThat(numeric(row, 5)).isEqualTo(target);
        assertThat(row.getCell(6).getStringCellValue()).isEqualTo(reached);
        assertThat(numeric(row, 7)).isEqualTo(lessons);
        assertThat(numeric(row, 8)).isEqualTo(evidence);
    }

    private static double numeric(Row row, int column) {
        Cell cell = row.getCell(column);
        assertThat(cell.getCellType()).as("column %d of row %d", column, row.getRowNum()).isEqualTo(CellType.NUMERIC);
        return cell.getNumericCellValue();
    }
}
