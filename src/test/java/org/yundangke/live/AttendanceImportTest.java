package org.yundangke.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.yundangke.Logins;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.UserError;
import org.yundangke.org.OrgDirectory;

/**
 * A meeting platform's attendance export taken in: rows matched by phone, else by a unique name; time inside the
 * session summed per member (rejoining counts once); enough → attended, less → partly; unmatched rows listed with
 * why; an unreadable file changes nothing. The report then shows each member in reach, with the absent ones' phones.
 */
@SpringBootTest
@ActiveProfiles("test")
@RecordApplicationEvents
class AttendanceImportTest {

    static final DateTimeFormatter EXPORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Autowired
    AttendanceImport imports;

    @Autowired
    LiveSessions sessions;

    @Autowired
    LiveReports reports;

    @Autowired
    OrgDirectory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Logins logins;

    @Autowired
    ApplicationEvents events;

    LiveSession session;
    Instant start;
    long member;
    String memberPhone;
    long meiyuanOffline;
    String offlineName;

    @BeforeEach
    void aMeetingThatHasEnded() {
        logins.as("lecturer");
        Instant later = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
        session = sessions.schedule(new LiveDraft("导入出勤 " + UUID.randomUUID(), "周宣讲", "", later,
                later.plus(Duration.ofMinutes(60)), LiveMode.LINK, "https://meeting.tencent.com/dm/abc", 60, Set.of()));
        start = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        jdbc.update("update live_session set starts_at = ?, ends_at = ? where id = ?", Timestamp.from(start),
                Timestamp.from(start.plus(Duration.ofMinutes(60))), session.id());
        session = sessions.find(session.id()).orElseThrow();
        member = directory.memberIdOf("member").orElseThrow();
        memberPhone = jdbc.queryForObject("select phone from org_member_contact where member_id = ?", String.class,
                member);
        logins.as("secretary");
        long meiyuan = directory.currentActor().ledBranchIds().iterator().next();
        var offline = directory.memberAccountsOf(meiyuan).stream().filter(m -> m.username() == null)
                .filter(m -> jdbc.queryForObject("select count(*) from org_member_contact where name = ?",
                        Integer.class, m.name()) == 1).findFirst().orElseThrow();
        meiyuanOffline = offline.memberId();
        offlineName = offline.name();
        logins.as("lecturer");
    }

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void rows_match_by_phone_or_unique_name_time_is_summed_once_and_the_rest_is_listed() {
        String twin = jdbc.queryForObject("select name from org_member_contact where member_id = ?", String.class,
                member + 1);
        jdbc.update("insert into member (name, primary_branch_id) select name, primary_branch_id from member"
                + " where id = ?", member + 1); // now two members have that name
        long added = jdbc.queryForObject("select max(id) from member", Long.class);
        try {
            importAndReport(twin);
        } finally {
            jdbc.update("delete from member where id = ?", added); // the other tests' organisation stays as seeded
        }
    }

    private void importAndReport(String twin) {
        String csv = "\uFEFF用户昵称,手机号,入会时间,退会时间\n"
                + "王同志的手机,+86 " + memberPhone + "," + at(0) + "," + at(30) + "\n"
                + "王同志的手机," + memberPhone + "," + at(25) + "," + at(50) + "\n" // rejoined: 50 minutes in all
                + offlineName + ",," + at(-10) + "," + at(10) + "\n"             // 10 minutes inside the session
                + "不认识的人,13000000000," + at(0) + "," + at(60) + "\n"
                + twin + ",," + at(0) + "," + at(60) + "\n";
        AttendanceImport.Result result = imports.importFile(session.id(), "腾讯会议参会明细.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(result.attended()).isEqualTo(1);
        assertThat(result.partly()).isEqualTo(1);
        assertThat(result.unmatched()).extracting(AttendanceImport.Unmatched::line,
                        AttendanceImport.Unmatched::reasonKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(5, "live.import.not-found"),
                        org.assertj.core.groups.Tuple.tuple(6, "live.import.same-name"));
        assertThat(events.stream(LiveAttended.class).filter(a -> a.liveId().equals(session.id())))
                .singleElement().satisfies(a -> {
                    assertThat(a.memberId()).isEqualTo(member);
                    assertThat(a.minutes()).isEqualTo(50);
                });

        logins.as("secretary");
        List<LiveReports.MemberAttendance> report = reports.of(session.id());
        assertThat(report).filteredOn(r -> r.memberId() == member).singleElement().satisfies(r -> {
            assertThat(r.standing()).isEqualTo(LiveReports.Standing.ATTENDED);
            assertThat(r.how()).isEqualTo(LiveAttendance.How.IMPORT);
        });
        assertThat(report).filteredOn(r -> r.memberId() == meiyuanOffline).singleElement().satisfies(r -> {
            assertThat(r.standing()).isEqualTo(LiveReports.Standing.PARTLY);
            assertThat(r.minutes()).isEqualTo(10);
        });
        assertThat(report).filteredOn(r -> r.standing() == LiveReports.Standing.ABSENT).isNotEmpty()
                .allSatisfy(r -> assertThat(r.phone()).isNotBlank());
    }

    @Test
    void an_excel_export_and_a_gb18030_csv_read_alike_and_an_unreadable_file_changes_nothing() throws Exception {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (Workbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("参会人员");
            Row header = sheet.createRow(0);
            List.of("姓名", "手机", "加入会议时间", "离开会议时间").forEach(t -> header.createCell(header.getPhysicalNumberOfCells()).setCellValue(t));
            CellStyle dates = book.createCellStyle();
            dates.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("王同志");
            row.createCell(1).setCellValue(memberPhone);
            row.createCell(2).setCellValue(local(0));
            row.getCell(2).setCellStyle(dates);
            row.createCell(3).setCellValue(local(45));
            row.getCell(3).setCellStyle(dates);
            book.write(xlsx);
        }
        List<AttendanceImport.Row> fromExcel = AttendanceImport.read("钉钉.xlsx", xlsx.toByteArray());
        String csv = "姓名,手机,加入会议时间,离开会议时间\n王同志," + memberPhone + "," + at(0) + "," + at(45) + "\n";
        List<AttendanceImport.Row> fromCsv = AttendanceImport.read("钉钉.csv", csv.getBytes(Charset.forName("GB18030")));
        assertThat(fromCsv).isEqualTo(fromExcel).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("王同志");
            assertThat(r.joined()).isEqualTo(start);
        });

        assertThatThrownBy(() -> imports.importFile(session.id(), "坏文件.xlsx", new byte[]{1, 2, 3, 4}))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey())
                        .isEqualTo("live.import.unreadable"));
        String badTime = "姓名,入会时间,退会时间\n" + offlineName + "," + at(0) + ",下午三点\n";
        assertThatThrownBy(() -> imports.importFile(session.id(), "x.csv", badTime.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("live.import.time"));
        assertThat(jdbc.queryForObject("select count(*) from live_import_minutes where session_id = ?", Integer.class,
                session.id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from live_attendance where session_id = ?", Integer.class,
                session.id())).isZero();
    }

    @Test
    void only_the_organiser_imports_and_the_report_keeps_to_the_callers_reach() throws Exception {
        logins.as("member");
        assertThatThrownBy(() -> imports.importFile(session.id(), "x.csv", new byte[0]))
                .isInstanceOf(AccessDeniedException.class);
        logins.as("secretary");
        List<LiveReports.MemberAttendance> branch = reports.of(session.id());
        logins.as("admin");
        List<LiveReports.MemberAttendance> area = reports.of(session.id());
        assertThat(area.size()).isGreaterThan(branch.size());
        assertThat(area).extracting(LiveReports.MemberAttendance::memberId)
                .containsAll(branch.stream().map(LiveReports.MemberAttendance::memberId).toList());
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(reports.workbook(session.id(),
                Locale.SIMPLIFIED_CHINESE)))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(area.size());
            assertThat(book.getSheetAt(0).getRow(0).getCell(2).getStringCellValue()).isEqualTo("情况");
        }
        logins.as("lecturer");
        assertThatThrownBy(() -> reports.of(session.id())).isInstanceOf(AccessDeniedException.class);
    }

    private String at(int minutes) {
        return EXPORT.format(local(minutes));
    }

    private LocalDateTime local(int minutes) {
        return LocalDateTime.ofInstant(start.plus(Duration.ofMinutes(minutes)), StudyCalendar.ZONE);
    }
}
