package org.yundangke.committee;

import org.springframework.jdbc.core.JdbcTemplate;

/** Logins "xuanwu" and "gulou": administrators of the demo's two Nanjing counties (the demo has none of its own). */
final class CountyAdmins {

    private CountyAdmins() {
    }

    static void add(JdbcTemplate jdbc) {
        for (String[] admin : new String[][] {{"xuanwu", "玄武区委离退休干部工委"}, {"gulou", "鼓楼区委离退休干部工委"}}) {
            long committee = jdbc.queryForObject("select id from committee where name = ?", Long.class, admin[1]);
            jdbc.update("insert into user_account (username, password_hash, display_name, committee_id) values"
                    + " (?, 'x', ?, ?)", admin[0], admin[0], committee);
            jdbc.update("insert into user_role (user_id, role) select id, 'ADMIN' from user_account where username = ?",
                    admin[0]);
        }
    }

    static void remove(JdbcTemplate jdbc) {
        jdbc.update("delete from user_role where user_id in (select id from user_account where username in"
                + " ('xuanwu', 'gulou'))");
        jdbc.update("delete from user_account where username in ('xuanwu', 'gulou')");
    }
}
