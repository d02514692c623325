package org.yundangke.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yundangke.bench.BenchmarkReport.count;
import static org.yundangke.bench.BenchmarkReport.percentile;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.yundangke.bench.BenchmarkReport;

/**
 * The committees' pages at province scale (PostgreSQL), on the ledger {@code LedgerBenchmark} generates: 530,000
 * members in 10,000 branches, a fifth in "1+2", ~50 M ledger entries. Adds scorecards handed in by 70 % of branches in
 * three quarters and ~1,400 model-branch titles, rebuilds the rollup tables with the app's refresh SQL, then times the
 * app's page reads (the SQL of {@link Rollups}) against the same figures computed from the source tables in the same
 * run: the province page (its cities) and a county's scorecard overview (its ~100 branches).
 * Run after LedgerBenchmark: {@code mvn test -Pbench -Dtest=RollupBenchmark} (PostgreSQL on localhost:5432).
 */
@Tag("benchmark")
class RollupBenchmark {

    static final String URL = System.getProperty("bench.pg.url", "jdbc:postgresql://localhost:5432/yundangke");
    static final String SCHEMA = "ledger_bench";
    static final int YEAR = 2026;
    static final int TARGET = 32;

    @Test
    void province_page_and_scorecard_overview_at_province_scale() throws Exception {
        Flyway.configure().dataSource(URL, "yundangke", "yundangke").schemas(SCHEMA)
                .locations("classpath:db/migration").load().migrate();
        StringBuilder report = new StringBuilder();
        try (Connection c = DriverManager.getConnection(URL + "?currentSchema=" + SCHEMA + "&options=-c%20jit=off",
                "yundangke", "yundangke")) {
            long members = count(c, "select count(*) from member");
            org.junit.jupiter.api.Assumptions.assumeTrue(members > 10_000,
                    "no province in schema ledger_bench: run LedgerBenchmark first, it generates one");
            c.setAutoCommit(true);
            scorecardsAndTitles(c);
            NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(new SingleConnectionDataSource(c, true));
            Map<String, Object> refresh = Map.of("year", YEAR, "target", TARGET);
            c.setAutoCommit(false);
            long start = System.nanoTime();
            jdbc.update("delete from rollup_committee where study_year = :year", refresh);
            jdbc.update("delete from rollup_branch where study_year = :year", refresh);
            int branchRows = jdbc.update(Rollups.REFRESH_BRANCHES, refresh);
            int committeeRows = jdbc.update(Rollups.REFRESH_COMMITTEES, refresh);
            c.commit();
            long refreshed = System.nanoTime() - start;
            c.setAutoCommit(true);
            run(c, "analyze rollup_branch; analyze rollup_committee");
            report.append(String.format("Scale: %,d members, %,d branches, %,d ledger entries.%n%n", members,
                    count(c, "select count(*) from branch"), count(c, "select count(*) from credit_entry")));
            report.append(String.format("- Refresh (the scheduled job): %,d branch rows and %,d committee rows in %s%n",
                    branchRows, committeeRows, BenchmarkReport.seconds(refreshed)));

            long province = count(c, "select id from committee where parent_id is null");
            long county = count(c, "select b.committee_id from branch b join committee c on c.id = b.committee_id"
                    + " where c.level = 'COUNTY' group by b.committee_id order by count(*) desc limit 1");
            provincePage(jdbc, province, report);
            countyPage(jdbc, county, report);
        }
        BenchmarkReport.write("Committee rollups at province scale (PostgreSQL)", report.toString());
    }

    /** The province page: its own row and its cities, from the tables; against computing them from the sources. */
    private void provincePage(NamedParameterJdbcTemplate jdbc, long province, StringBuilder report) {
        Map<String, Object> params = Map.of("committee", province, "year", YEAR, "quarter", 0, "target", TARGET);
        Runnable app = () -> {
            jdbc.queryForList(Rollups.OWN, params);
            jdbc.queryForList(Rollups.CHILD_COMMITTEES, params);
            jdbc.queryForList(Rollups.CHILD_BRANCHES, params);
            jdbc.queryForList("select refreshed_at from rollup_refresh where study_year = :year", params);
        };
        String raw = "select y.* from (" + Rollups.COMMITTEE_FIGURES.replace("from rollup_branch r",
                "from (" + Rollups.BRANCH_FIGURES + ") r") + ") y join org_committee c on c.committee_id = y.committee_id"
                + " where (c.parent_id = :committee or c.committee_id = :committee) and y.quarter = :quarter";
        List<Map<String, Object>> fromTables = jdbc.queryForList("select * from rollup_committee r join org_committee c"
                + " on c.committee_id = r.committee_id where (c.parent_id = :committee or c.committee_id = :committee)"
                + " and r.study_year = :year and r.quarter = :quarter order by r.committee_id", params);
        List<Map<String, Object>> computed = jdbc.queryForList(raw + " order by y.committee_id", params);
        assertThat(computed).hasSameSizeAs(fromTables).hasSizeGreaterThan(5);
        for (int i = 0; i < computed.size(); i++) {
            for (String column : List.of("members", "studied", "reached", "scored", "model_branches")) {
                assertThat(((Number) computed.get(i).get(column)).longValue()).as(column)
                        .isEqualTo(((Number) fromTables.get(i).get(column)).longValue());
            }
        }
        report.append(line("Province page (its row, its 13 cities; 4 statements)", time(200, app),
                time(3, () -> jdbc.queryForList(raw, params)), 50));
    }

    /** A county's scorecard overview: its branches with scorecard, title and study figures. */
    private void countyPage(NamedParameterJdbcTemplate jdbc, long county, StringBuilder report) {
        Map<String, Object> params = Map.of("committee", county, "year", YEAR, "quarter", 0, "target", TARGET);
        Runnable app = () -> {
            jdbc.queryForList(Rollups.OWN, params);
            jdbc.queryForList(Rollups.CHILD_COMMITTEES, params);
            jdbc.queryForList(Rollups.CHILD_BRANCHES, params);
        };
        String raw = "select y.* from (" + Rollups.BRANCH_FIGURES + ") y where y.committee_id = :committee"
                + " and y.quarter = :quarter";
        int branches = jdbc.queryForList(Rollups.CHILD_BRANCHES, params).size();
        assertThat(jdbc.queryForList(raw, params)).hasSize(branches);
        report.append(line("County scorecard overview (" + branches + " branches; 3 statements)", time(200, app),
                time(3, () -> jdbc.queryForList(raw, params)), 50));
    }

    /** 70 % of branches hand in three quarters; titles at county (1 in 10), city (1 in 40), province (1 in 78). */
    private static void scorecardsAndTitles(Connection c) throws Exception {
        run(c, "delete from scorecard_result; delete from model_branch");
        run(c, "insert into scorecard_result (branch_id, study_year, quarter, measured_score, self_score, total,"
                + " submitted_by, submitted_at) select b.id, " + YEAR + ", q.q, 25, 40 + (b.id * 7 + q.q) % 36,"
                + " 65 + (b.id * 7 + q.q) % 36, 'bench', now() from branch b cross join (values (1), (2), (3)) q (q)"
                + " where b.id % 10 < 7");
        run(c, "insert into model_branch (branch_id, study_year, level, committee_id, state, reason, proposed_by,"
                + " proposed_at, decided_by, decided_at) select bc.branch_id, " + YEAR + ", c.level, c.committee_id,"
                + " 'CONFIRMED', 'bench', 'bench', now(), 'bench', now() from org_branch_committee bc"
                + " join org_committee c on c.committee_id = bc.committee_id where (c.level = 'COUNTY'"
                + " and bc.branch_id % 10 = 3) or (c.level = 'CITY' and bc.branch_id % 40 = 3)"
                + " or (c.level = 'PROVINCE' and bc.branch_id % 78 = 3)");
        run(c, "analyze scorecard_result; analyze model_branch");
    }

    private static String line(String what, double[] app, double[] raw, double targetMs) {
        return String.format("- %s: app p50 %.2f ms, p99 %.2f ms (target < %.0f ms); computed from the source tables"
                + " p50 %.0f ms, max %.0f ms; ratio p50 %.5f%n", what, percentile(app, 50), percentile(app, 99),
                targetMs, percentile(raw, 50), raw[raw.length - 1], percentile(app, 50) / percentile(raw, 50));
    }

    private static double[] time(int n, Runnable work) {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }


    private static void run(Connection c, String statements) throws Exception {
        try (Statement s = c.createStatement()) {
            for (String sql : statements.split(";\\s*")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
    }

}
