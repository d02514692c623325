package org.yundangke.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openpdf.text.pdf.PdfReader;
import org.yundangke.base.Translations;

class StudyCertificateTest {

    private static StudyCertificate certificates;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadFontOnce() {
        certificates = new StudyCertificate(new Translations());
    }

    private static Certificate wangJianguo(BigDecimal hours) {
        return new Certificate("王建国", "原南京市财政局离退休干部党支部", 2026, hours, new BigDecimal("32.00"),
                new BigDecimal("48"), 9, LocalDate.of(2026, 12, 31), "中共南京市财政局离退休干部工作委员会");
    }

    @Test
    void rendersOneA4PageThatPdftotextReadsBack() throws Exception {
        byte[] pdf = certificates.render(wangJianguo(new BigDecimal("12.50")));
        Path file = dir.resolve("certificate.pdf");
        Files.write(file, pdf);

        String text = run("pdftotext", "-layout", file.toString(), "-");
        // pdftotext -layout may put spaces or line breaks inside a wrapped sentence; compare without whitespace too.
        String compact = text.replaceAll("\\s+", "");

        assertThat(text).contains("学习证明", "12.5", "48", "19.5");
        assertThat(compact)
                .contains("王建国")
                .contains("原南京市财政局离退休干部党支部")
                .contains("累计获得学时12.5学时（年度目标32学时），积分48分，学完课程9节。")
                .contains("尚差19.5学时完成年度目标")
                .contains("特此证明。")
                .contains("中共南京市财政局离退休干部工作委员会")
                .contains("2026年12月31日")
                .doesNotContain("12.50", "32.00");

        PdfReader reader = new PdfReader(pdf);
        try {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
            assertThat(reader.getPageSize(1).getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
            assertThat(reader.getPageSize(1).getHeight()).isCloseTo(842f, org.assertj.core.data.Offset.offset(1f));
        } finally {
            reader.close();
        }
        assertThat(run("pdfinfo", file.toString())).containsPattern("Pages:\\s+1\\b");
        // the font is embedded as a subset (name prefixed by six letters and '+'), not the 10 MB whole
        assertThat(run("pdffonts", file.toString())).containsPattern("[A-Z]{6}\\+NotoSansSC");
        assertThat(pdf.length).isLessThan(500 * 1024);
        System.out.printf("certificate PDF: %d bytes%n", pdf.length);
    }

    @Test
    void saysTheTargetIsReachedWhenHoursMeetIt() throws Exception {
        byte[] pdf = certificates.render(wangJianguo(new BigDecimal("32")));
        Path file = dir.resolve("reached.pdf");
        Files.write(file, pdf);

        String compact = run("pdftotext", "-layout", file.toString(), "-").replaceAll("\\s+", "");

        assertThat(compact).contains("已完成年度学时目标").doesNotContain("尚差");
    }

    @Test
    void keepsLongNamesOnOnePageAndStartsNoLineWithClosingPunctuation() throws Exception {
        Certificate c = new Certificate("欧阳诸葛慕容", "中共南京市某某区某某街道某某社区离退休干部第一联合党支部（含原市属企业离退休干部党员）",
                2026, new BigDecimal("0.25"), new BigDecimal("32"), new BigDecimal("1234.5"), 123,
                LocalDate.of(2027, 1, 5), "中共南京市某某区委老干部局离退休干部党员教育管理工作领导小组办公室");
        Path file = dir.resolve("long.pdf");
        Files.write(file, certificates.render(c));

        String text = run("pdftotext", "-layout", file.toString(), "-");

        assertThat(run("pdfinfo", file.toString())).containsPattern("Pages:\\s+1\\b");
        assertThat(text.replaceAll("\\s+", "")).contains("尚差31.75学时完成年度目标", "1234.5", "2027年1月5日");
        assertThat(text.lines().map(String::strip)).noneMatch(line -> line.matches("^[）。，、；：！？].*"));
    }

    @Test
    void writesNumbersWithoutTrailingZerosOrExponent() {
        assertThat(StudyCertificate.number(new BigDecimal("32.00"))).isEqualTo("32");
        assertThat(StudyCertificate.number(new BigDecimal("12.50"))).isEqualTo("12.5");
        assertThat(StudyCertificate.number(new BigDecimal("0.25"))).isEqualTo("0.25");
        assertThat(StudyCertificate.number(new BigDecimal("0.00"))).isEqualTo("0");
        assertThat(StudyCertificate.number(new BigDecimal("100"))).isEqualTo("100");
        assertThat(StudyCertificate.number(new BigDecimal("1E+2"))).isEqualTo("100");
    }

    @Test
    void oneInstanceRendersFromSeveralThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                BigDecimal hours = new BigDecimal(i);
                results.add(pool.submit(() -> certificates.render(wangJianguo(hours))));
            }
            for (Future<byte[]> result : results) {
                PdfReader reader = new PdfReader(result.get(60, TimeUnit.SECONDS));
                try {
                    assertThat(reader.getNumberOfPages()).isEqualTo(1);
                } finally {
                    reader.close();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), text).isZero();
        return text;
    }
}
