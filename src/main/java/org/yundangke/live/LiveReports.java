package org.yundangke.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.Translations;
import org.yundangke.org.OrgDirectory;

/**
 * Who attended a session, for a secretary (their branches) and an admin (their area): every member the session is
 * for, attended (and how), partly (minutes in the app or in the meeting platform's export) or absent, with the
 * phone number to call the absent ones; also as an Excel workbook.
 */
@Service
@Transactional(readOnly = true)
public class LiveReports {

    public enum Standing { ATTENDED, PARTLY, ABSENT }

    public record MemberAttendance(long memberId, String name, String branch, @Nullable String phone,
                                   Standing standing, LiveAttendance.@Nullable How how, int minutes) {
    }

    private final NamedParameterJdbcTemplate named;
    private final LiveSessions sessions;
    private final OrgDirectory directory;
    private final LiveProperties properties;
    private final Translations translations;

    LiveReports(JdbcTemplate jdbc, LiveSessions sessions, OrgDirectory directory, LiveProperties properties,
                Translations translations) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.sessions = sessions;
        this.directory = directory;
        this.properties = properties;
        this.translations = translations;
    }

    /** The members in the caller's reach the session is for, by branch and name, in one query. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<MemberAttendance> of(UUID sessionId) {
        LiveSession session = sessions.find(sessionId).orElseThrow(() ->
                new org.springframework.security.access.AccessDeniedException("no live " + sessionId));
        Set<Long> scope = directory.branchIdsInScope();
        if (scope.isEmpty()) {
            return List.of();
        }
        long slot = properties.presenceSlot().toSeconds();
        return named.query("select c.member_id, c.name, c.phone, b.name as branch, a.how, a.minutes,"
                + " im.minutes as imported, (select count(*) from live_presence p join org_member_login l"
                + " on l.username = p.username where p.session_id = :session and l.member_id = c.member_id) as slots"
                + " from org_member_contact c join org_member m on m.member_id = c.member_id"
                + " join org_branch b on b.branch_id = m.primary_branch_id"
                + " left join live_attendance a on a.session_id = :session and a.member_id = c.member_id"
                + " left join live_import_minutes im on im.session_id = :session and im.member_id = c.member_id"
                + " where exists (select 1 from org_member_branch mb where mb.member_id = c.member_id"
                + " and mb.branch_id in (:scope))" + (session.everyone() ? ""
                : " and exists (select 1 from org_member_branch mb join org_branch_committee bc"
                + " on bc.branch_id = mb.branch_id where mb.member_id = c.member_id and bc.committee_id in (:audience))")
                + " order by b.name, c.name", Map.of("session", sessionId, "scope", scope,
                "audience", session.everyone() ? Set.of(-1L) : session.audience()), (rs, n) -> {
                    String how = rs.getString("how");
                    int minutes = how != null ? rs.getInt("minutes")
                            : (int) Math.max(rs.getInt("slots") * slot / 60, rs.getInt("imported"));
                    return new MemberAttendance(rs.getLong("member_id"), rs.getString("name"), rs.getString("branch"),
                            rs.getString("phone"), how != null ? Standing.ATTENDED : minutes > 0 ? Standing.PARTLY
                            : Standing.ABSENT, how == null ? null : LiveAttendance.How.valueOf(how), minutes);
                });
    }

    /** The same as a workbook in the caller's language. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public byte[] workbook(UUID sessionId, Locale locale) {
        List<MemberAttendance> rows = of(sessionId);
        try (SXSSFWorkbook book = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(text("live.report.sheet", locale));
            Row header = sheet.createRow(0);
            List<String> titles = List.of("member.name", "live.report.branch", "live.report.standing",
                    "live.report.how", "live.report.minutes", "live.report.phone");
            for (int i = 0; i < titles.size(); i++) {
                header.createCell(i).setCellValue(text(titles.get(i), locale));
            }
            int r = 1;
            for (MemberAttendance row : rows) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(row.name());
                line.createCell(1).setCellValue(row.branch());
                line.createCell(2).setCellValue(text("live.report." + row.standing().name().toLowerCase(), locale));
                line.createCell(3).setCellValue(row.how() == null ? ""
                        : text("live.how." + row.how().name().toLowerCase(), locale));
                line.createCell(4).setCellValue(row.minutes());
                line.createCell(5).setCellValue(row.phone() == null ? "" : row.phone());
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(String key, Locale locale) {
        return translations.getTranslation(key, locale);
    }
}
