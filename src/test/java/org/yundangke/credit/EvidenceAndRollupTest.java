package org.yundangke.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Logins;
import org.yundangke.base.UserError;
import org.yundangke.org.MemberInfo;
import org.yundangke.org.OrgDirectory;

/**
 * 记实 records from the form to the ledger (approved) or back to the member (rejected); "1+2" members counted once
 * in rollups; the certificate and the Excel record read back with the ledger's numbers.
 */
@SpringBootTest
@ActiveProfiles("test")
class EvidenceAndRollupTest {

    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired
    Evidence evidence;

    @Autowired
    CreditRecords records;

    @Autowired
    CreditDocuments documents;

    @Autowired
    CreditLedger ledger;

    @Autowired
    OrgDirectory directory;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    MemberInfo wang;
    long meiyuan;

    @BeforeEach
    void theDemoMemberAndTheSecretarysBranch() {
        logins.as("member");
        wang = directory.myMemberRecord().orElseThrow();
        logins.as("secretary");
        meiyuan = directory.currentActor().ledBranchIds().iterator().next();
    }

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void an_approved_record_earns_credit_and_a_rejected_one_says_why() {
        logins.as("member");
        EvidenceRecord volunteering = evidence.record(form("社区义诊志愿服务", List.of(PNG, PNG)));
        EvidenceRecord unclear = evidence.record(form("说不清的活动", List.of()));
        assertThat(volunteering.state()).isEqualTo(EvidenceRecord.State.PENDING);
        assertThat(evidence.photo(volunteering.id(), 2)).isEqualTo(PNG);
        BigDecimal before = records.year(wang.id(), 2026).studyHours();

        logins.as("secretary"); // the record is with Meiyuan, which the secretary leads
        assertThat(evidence.pending(meiyuan)).extracting(EvidenceRecord::id).contains(volunteering.id(), unclear.id());
        evidence.approve(volunteering.id());
        assertThatThrownBy(() -> evidence.approve(volunteering.id()))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("evidence.decided"));
        assertThatThrownBy(() -> evidence.reject(unclear.id(), ""))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("evidence.reject.reason"));
        EvidenceRecord rejected = evidence.reject(unclear.id(), "请补充活动照片和参加人员");

        logins.as("member");
        assertThat(records.year(wang.id(), 2026).studyHours()).isEqualByComparingTo(before.add(BigDecimal.ONE));
        assertThat(ledger.entries(wang.id(), 2026)).filteredOn(e -> e.sourceId().equals(volunteering.id().toString()))
                .extracting(LedgerEntry::ruleCode).containsExactlyInAnyOrder("EVIDENCE_HOURS", "EVIDENCE_POINTS");
        assertThat(ledger.entries(wang.id(), 2026)).noneMatch(e -> e.sourceId().equals(unclear.id().toString()));
        assertThat(rejected.rejectReason()).isEqualTo("请补充活动照片和参加人员");
        assertThat(evidence.ofMember(wang.id())).extracting(EvidenceRecord::state)
                .contains(EvidenceRecord.State.APPROVED, EvidenceRecord.State.REJECTED);
    }

    @Test
    void a_secretary_cannot_approve_their_own_record() {
        logins.as("secretary");
        long own = directory.currentActor().memberId();
        EvidenceRecord mine = evidence.record(new Evidence.NewRecord(own, meiyuan, EvidenceActivity.LECTURE,
                LocalDate.of(2026, 4, 1), "社区活动室", "给大家讲党史", "", List.of()));
        assertThatThrownBy(() -> evidence.approve(mine.id()))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("evidence.own"));
    }

    @Test
    void a_bad_photo_refuses_the_record_and_leaves_nothing_behind() {
        logins.as("member");
        int records = jdbc.queryForObject("select count(*) from evidence_record", Integer.class);
        assertThatThrownBy(() -> evidence.record(form("有坏图", List.of(PNG, "not a photo".getBytes()))))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("evidence.photos.not-image"));
        assertThatThrownBy(() -> evidence.record(form("十张图", java.util.Collections.nCopies(10, PNG))))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("evidence.photos.too-many"));
        assertThat(jdbc.queryForObject("select count(*) from evidence_record", Integer.class)).isEqualTo(records);
        logins.as("lecturer"); // not the member, not their secretary
        assertThatThrownBy(() -> evidence.record(form("代填", List.of()))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_one_plus_two_member_counts_once_in_each_committee_rollup() {
        logins.as("admin"); // Nanjing: Xuanwu (Meiyuan, finance) and Gulou (senior college, Ninghai)
        long nanjing = directory.currentActor().committeeId();
        List<CreditRecords.CommitteeTotals> counties = records.rollup(nanjing, 2026);
        CreditRecords.CommitteeTotals xuanwu = counties.stream().filter(c -> c.name().startsWith("玄武")).findFirst()
                .orElseThrow();
        CreditRecords.CommitteeTotals gulou = counties.stream().filter(c -> c.name().startsWith("鼓楼")).findFirst()
                .orElseThrow();
        // 9 + 9 members in each county's two branches; the finance members Meiyuan also manages count once
        assertThat(xuanwu.members()).isEqualTo(18);
        // the four finance members the senior college manages belong to Gulou too
        assertThat(gulou.members()).isEqualTo(22);
        CreditRecords.CommitteeTotals city = records.committeeTotal(nanjing, 2026);
        assertThat(city.members()).as("each member once in the city, though in both counties").isEqualTo(36);
        BigDecimal distinct = jdbc.queryForObject("select coalesce(sum(t.study_hours), 0) from credit_year_total t"
                + " where t.study_year = 2026 and t.member_id in (select m.id from member m join branch b"
                + " on b.id = m.primary_branch_id join committee c on c.id = b.committee_id where c.path like ?)",
                BigDecimal.class, jdbc.queryForObject("select path from committee where id = ?", String.class, nanjing)
                        + "%");
        assertThat(city.studyHours()).isEqualByComparingTo(distinct);
        logins.as("secretary");
        assertThatThrownBy(() -> records.rollup(nanjing, 2026)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_certificate_names_the_member_and_the_total(@TempDir Path dir) throws Exception {
        logins.as("member");
        CreditRecords.YearSummary year = records.year(wang.id(), 2026);
        Path pdf = dir.resolve("certificate.pdf");
        Files.write(pdf, documents.certificate(wang.id(), 2026));
        Process text = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), "-").redirectErrorStream(true).start();
        String extracted = new String(text.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("\\s+", "");
        assertThat(text.waitFor()).isZero();
        assertThat(extracted).contains("学习证明", wang.name(), year.studyHours().stripTrailingZeros().toPlainString()
                + "学时");
        logins.as("lecturer");
        assertThatThrownBy(() -> documents.certificate(wang.id(), 2026)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_branch_workbook_reads_back_with_the_ledgers_totals() throws Exception {
        logins.as("secretary");
        List<CreditRecords.MemberMonths> months = records.branchMonths(meiyuan, 2026);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(documents.branchWorkbook(meiyuan, 2026)))) {
            Sheet sheet = book.getSheetAt(0);
            BigDecimal hours = BigDecimal.ZERO;
            BigDecimal points = BigDecimal.ZERO;
            int members = 0;
            for (Row row : sheet) {
                if (row.getRowNum() < 2 || row.getRowNum() == sheet.getLastRowNum()) {
                    continue; // title, header; the last row is the totals
                }
                members++;
                hours = hours.add(BigDecimal.valueOf(row.getCell(3).getNumericCellValue()));
                points = points.add(BigDecimal.valueOf(row.getCell(4).getNumericCellValue()));
            }
            assertThat(members).isEqualTo(months.size());
            assertThat(hours).isEqualByComparingTo(months.stream().map(CreditRecords.MemberMonths::totalHours)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            assertThat(points).isEqualByComparingTo(months.stream().map(CreditRecords.MemberMonths::totalPoints)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            Row totals = sheet.getRow(sheet.getLastRowNum());
            assertThat(BigDecimal.valueOf(totals.getCell(3).getNumericCellValue())).isEqualByComparingTo(hours);
        }
    }

    @Test
    void the_committee_workbook_lists_each_member_once_and_says_how_they_belong() throws Exception {
        logins.as("admin");
        long gulou = records.rollup(directory.currentActor().committeeId(), 2026).stream()
                .filter(c -> c.name().startsWith("鼓楼")).findFirst().orElseThrow().committeeId();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(documents.committeeWorkbook(gulou, 2026)))) {
            Sheet sheet = book.getSheetAt(0);
            Map<String, Integer> relations = new HashMap<>();
            for (int r = 2; r < sheet.getLastRowNum(); r++) {
                relations.merge(sheet.getRow(r).getCell(2).getStringCellValue(), 1, Integer::sum);
            }
            // 18 members of Gulou's two branches, and the four finance members (Xuanwu) its senior college manages
            assertThat(relations).isEqualTo(Map.of("隶属", 18, "管理", 4));
            assertThat(sheet.getRow(sheet.getLastRowNum()).getCell(1).getStringCellValue()).isEqualTo("22 人");
        }
    }

    private Evidence.NewRecord form(String place, List<byte[]> photos) {
        return new Evidence.NewRecord(wang.id(), meiyuan, EvidenceActivity.VOLUNTEER, LocalDate.of(2026, 3, 5), place,
                "为社区老人量血压 " + UUID.randomUUID(), "王建国、李秀英", photos);
    }
}
