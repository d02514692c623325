package org.yundangke;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Members a test made in a demo branch, removed again with what they earned (ledger, totals, 记实 records), so the
 * shared demo data stays as other tests count it.
 */
public final class TestMembers {

    private TestMembers() {
    }

    public static long add(JdbcTemplate jdbc, String name, long branchId) {
        jdbc.update("insert into member (name, primary_branch_id) values (?, ?)", name, branchId);
        return jdbc.queryForObject("select max(id) from member where name = ?", Long.class, name);
    }

    public static void remove(JdbcTemplate jdbc, long memberId) {
        jdbc.update("delete from credit_entry where member_id = ?", memberId);
        jdbc.update("delete from credit_year_total where member_id = ?", memberId);
        jdbc.update("delete from credit_month_total where member_id = ?", memberId);
        jdbc.update("delete from evidence_photo where record_id in (select id from evidence_record where member_id = ?)",
                memberId);
        jdbc.update("delete from evidence_record where member_id = ?", memberId);
        jdbc.update("delete from member where id = ?", memberId);
    }
}
