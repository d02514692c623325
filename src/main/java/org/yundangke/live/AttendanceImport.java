package org.yundangke.live;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.UserError;

/**
 * A meeting platform's attendance export (腾讯会议, 钉钉: CSV or Excel with a name or phone and join and leave times)
 * taken in by the session's organiser: each row matched to a member the session is for, by phone first, else by a
 * name only one of them has; time inside the session summed per member (a member who dropped out and came back
 * counts once); enough time → attended, less → partly. Unmatched rows are listed, not guessed. A file that cannot be
 * read changes nothing.
 */
@Service
public class AttendanceImport {

    /** A row that matched no member, and why: "live.import.not-found" or "live.import.same-name". */
    public record Unmatched(int line, String name, String phone, String reasonKey) {
    }

    /** What an import did. */
    public record Result(int attended, int partly, List<Unmatched> unmatched) {
    }

    record Row(int line, String name, String phone, Instant joined, Instant left) {
    }

    private record Candidate(long memberId, String name, @Nullable String phone) {
    }

    static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final List<DateTimeFormatter> TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ofPattern("yyyy/M/d HH:mm:ss"), DateTimeFormatter.ofPattern("yyyy/M/d HH:mm"),
            DateTimeFormatter.ofPattern("yyyy-M-d H:mm:ss"), DateTimeFormatter.ofPattern("yyyy-M-d H:mm"));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final LiveSessions sessions;
    private final LiveAttendance attendance;
    private final StudyCalendar calendar;

    AttendanceImport(JdbcTemplate jdbc, LiveSessions sessions, LiveAttendance attendance, StudyCalendar calendar) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.sessions = sessions;
        this.attendance = attendance;
        this.calendar = calendar;
    }

    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    @Transactional
    public Result importFile(UUID sessionId, String fileName, byte[] file) {
        LiveSession session = sessions.authored(sessionId);
        if (session.state(calendar.now()) == LiveState.UPCOMING || session.cancelled()) {
            throw new UserError("live.import.not-begun");
        }
        if (file.length > MAX_BYTES) {
            throw new UserError("live.import.too-big", MAX_BYTES / 1024 / 1024);
        }
        List<Row> rows = read(fileName, file);
        Map<Long, List<Row>> byMember = new LinkedHashMap<>();
        List<Unmatched> unmatched = new ArrayList<>();
        match(session, rows, byMember, unmatched);
        int attended = 0;
        int partly = 0;
        for (Map.Entry<Long, List<Row>> member : byMember.entrySet()) {
            long seconds = secondsInside(session, member.getValue());
            int minutes = (int) (seconds / 60);
            if (seconds >= session.requiredSeconds()) {
                attendance.record(session, member.getKey(), LiveAttendance.How.IMPORT, minutes);
                jdbc.update("delete from live_import_minutes where session_id = ? and member_id = ?", sessionId,
                        member.getKey());
                attended++;
            } else {
                jdbc.update("delete from live_import_minutes where session_id = ? and member_id = ?", sessionId,
                        member.getKey());
                jdbc.update("insert into live_import_minutes (session_id, member_id, minutes) values (?, ?, ?)",
                        sessionId, member.getKey(), minutes);
                partly++;
            }
        }
        return new Result(attended, partly, unmatched);
    }

    /** Seconds inside the session's window covered by the member's rows, overlaps counted once. */
    static long secondsInside(LiveSession session, List<Row> rows) {
        List<Instant[]> spans = rows.stream()
                .map(r -> new Instant[]{max(r.joined(), session.startsAt()), min(r.left(), session.endsAt())})
                .filter(s -> s[0].isBefore(s[1])).sorted(Comparator.comparing(s -> s[0])).toList();
        long seconds = 0;
        Instant from = null;
        Instant to = null;
        for (Instant[] span : spans) {
            if (to == null || span[0].isAfter(to)) {
                seconds += to == null ? 0 : Duration.between(from, to).toSeconds();
                from = span[0];
                to = span[1];
            } else if (span[1].isAfter(to)) {
                to = span[1];
            }
        }
        return seconds + (to == null ? 0 : Duration.between(from, to).toSeconds());
    }

    private void match(LiveSession session, List<Row> rows, Map<Long, List<Row>> byMember, List<Unmatched> unmatched) {
        Set<String> phones = rows.stream().map(Row::phone).filter(p -> !p.isEmpty()).collect(Collectors.toSet());
        Set<String> names = rows.stream().map(Row::name).filter(n -> !n.isEmpty()).collect(Collectors.toSet());
        phones.add("-");
        names.add("-");
        List<Candidate> candidates = named.query("select c.member_id, c.name, c.phone from org_member_contact c"
                + " where (c.phone in (:phones) or c.name in (:names))" + (session.everyone() ? ""
                : " and exists (select 1 from org_member_branch mb join org_branch_committee bc"
                + " on bc.branch_id = mb.branch_id where mb.member_id = c.member_id and bc.committee_id in (:audience))"),
                Map.of("phones", phones, "names", names, "audience", session.everyone() ? Set.of(-1L)
                        : session.audience()), (rs, n) -> new Candidate(rs.getLong("member_id"), rs.getString("name"),
                        rs.getString("phone")));
        Map<String, Long> byPhone = new HashMap<>();
        Map<String, List<Long>> byName = new HashMap<>();
        for (Candidate c : candidates) {
            if (c.phone() != null) {
                byPhone.put(c.phone(), c.memberId());
            }
            byName.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c.memberId());
        }
        for (Row row : rows) {
            Long member = byPhone.get(row.phone());
            List<Long> named = byName.getOrDefault(row.name(), List.of());
            if (member == null && named.size() == 1) {
                member = named.getFirst();
            }
            if (member != null) {
                byMember.computeIfAbsent(member, k -> new ArrayList<>()).add(row);
            } else {
                unmatched.add(new Unmatched(row.line(), row.name(), row.phone(),
                        named.size() > 1 ? "live.import.same-name" : "live.import.not-found"));
            }
        }
    }

    /** The rows of a CSV (UTF-8 or GB18030) or Excel file; refused as a whole when it cannot be read. */
    static List<Row> read(String fileName, byte[] file) {
        List<List<String>> table = fileName.toLowerCase(Locale.ROOT).endsWith(".csv") ? csv(file) : excel(file);
        if (table.isEmpty()) {
            throw new UserError("live.import.columns");
        }
        List<String> header = table.getFirst();
        int name = column(header, "姓名", "昵称", "名称", "用户", "name");
        int phone = column(header, "手机", "电话", "phone", "mobile");
        int joined = column(header, "入会", "加入", "进入", "join");
        int left = column(header, "退会", "离会", "离开", "退出", "leave", "left");
        if ((name < 0 && phone < 0) || joined < 0 || left < 0) {
            throw new UserError("live.import.columns");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < table.size(); i++) {
            List<String> cells = table.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            Instant from = time(cell(cells, joined), i + 1);
            Instant to = time(cell(cells, left), i + 1);
            rows.add(new Row(i + 1, cell(cells, name).strip(), digits(cell(cells, phone)), from, to));
        }
        return rows;
    }

    private static int column(List<String> header, String... words) {
        for (int i = 0; i < header.size(); i++) {
            String title = header.get(i).toLowerCase(Locale.ROOT);
            for (String word : words) {
                if (title.contains(word)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String cell(List<String> cells, int index) {
        return index < 0 || index >= cells.size() ? "" : cells.get(index);
    }

    /** A mainland mobile number as its last 11 digits ("+86 139-0000-1037" → "13900001037"). */
    private static String digits(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.length() > 11 ? digits.substring(digits.length() - 11) : digits;
    }

    private static Instant time(String text, int line) {
        String value = text.strip();
        for (DateTimeFormatter format : TIMES) {
            try {
                return LocalDateTime.parse(value, format).atZone(StudyCalendar.ZONE).toInstant();
            } catch (DateTimeParseException notThisOne) {
                // the next format
            }
        }
        throw new UserError("live.import.time", line, value);
    }

    private static List<List<String>> csv(byte[] file) {
        try {
            List<List<String>> table = new ArrayList<>();
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get()
                    .parse(new StringReader(text(file)))) {
                table.add(record.toList());
            }
            return table;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new UserError("live.import.unreadable");
        }
    }

    /** UTF-8 when the bytes are (a BOM dropped), else GB18030, which Chinese Excel and meeting apps write. */
    private static String text(byte[] file) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            return new String(file, Charset.forName("GB18030"));
        }
    }

    private static List<List<String>> excel(byte[] file) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(file))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            DateTimeFormatter iso = TIMES.getFirst();
            List<List<String>> table = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)
                            ? cell.getLocalDateTimeCellValue().format(iso) : formatter.formatCellValue(cell));
                }
                table.add(cells);
            }
            return table;
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserError error) {
                throw error;
            }
            throw new UserError("live.import.unreadable");
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
