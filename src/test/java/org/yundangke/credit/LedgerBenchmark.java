package org.yundangke.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yundangke.bench.BenchmarkReport.count;
import static org.yundangke.bench.BenchmarkReport.percentile;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.yundangke.bench.BenchmarkReport;

/**
 * A province-scale ledger in PostgreSQL: 530,000 members in ~10,000 branches (a fifth in "1+2"), ~50 million entries
 * over two years, in a schema of its own made by the app's Flyway migrations. Measures the generator's rows/s and the
 * app's own queries (the SQL of {@link CreditRecords}) against the same answers computed from the raw ledger:
 * a member's yearly summary, a branch's member x month table, the province rollup by city and county.
 * Run: {@code mvn test -Pbench -Dtest=LedgerBenchmark} (PostgreSQL on localhost:5432, user/password/db yundangke, as
 * .ci/run makes it; a smaller run: {@code -Dbench.members=53000}). It leaves the schema {@code ledger_bench} behind for
 * a look; the next run replaces it, unless {@code -Dbench.reuse=true} measures the queries on it again.
 */
@Tag("benchmark")
class LedgerBenchmark {

    static final String URL = System.getProperty("bench.pg.url", "jdbc:postgresql://localhost:5432/yundangke");
    static final String SCHEMA = "ledger_bench";
    static final int MEMBERS = Integer.getInteger("bench.members", 530_000);
    static final int BRANCHES = Math.max(100, MEMBERS / 53);
    static final int YEAR = 2026;
    /** {@code -Dbench.reuse=true}: measure the queries again on the ledger the last run generated. */
    static final boolean REUSE = Boolean.getBoolean("bench.reuse");

    @Test
    void province_scale_ledger() throws Exception {
        if (!REUSE) {
            Flyway.configure().dataSource(URL, "yundangke", "yundangke").schemas(SCHEMA).cleanDisabled(false)
                    .locations("classpath:db/migration").load().clean();
            Flyway.configure().dataSource(URL, "yundangke", "yundangke").schemas(SCHEMA)
                    .locations("classpath:db/migration").load().migrate();
        }
        StringBuilder report = new StringBuilder();
        try (Connection c = DriverManager.getConnection(URL + "?currentSchema=" + SCHEMA + "&options=-c%20jit=off",
                "yundangke", "yundangke")) {
            c.setAutoCommit(true);
            long entries = REUSE ? count(c, "select count(*) from credit_entry") : generate(c, report);
            NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(new SingleConnectionDataSource(c, true));
            memberSummary(c, jdbc, report);
            branchTable(c, jdbc, report);
            provinceRollup(jdbc, report);
            report.insert(0, "Scale: " + MEMBERS + " members, " + BRANCHES + " branches, " + entries
                    + " ledger entries (years " + (YEAR - 1) + "–" + YEAR + ").\n\n");
        }
        BenchmarkReport.write("Credit ledger at province scale (PostgreSQL)", report.toString());
    }

    private long generate(Connection c, StringBuilder report) throws Exception {
        long start = System.nanoTime();
        run(c, GeneratorSql.ORG.replace("{BRANCHES}", String.valueOf(BRANCHES))
                .replace("{COUNTY_BRANCHES}", String.valueOf(BRANCHES * 95 / 100))
                .replace("{MEMBERS}", String.valueOf(MEMBERS)));
        long org = System.nanoTime();
        run(c, "alter table credit_entry drop constraint credit_entry_idem_key_key;"
                + "alter table credit_entry drop constraint credit_entry_member_id_fkey;"
                + "alter table credit_entry drop constraint credit_entry_reverses_id_fkey;"
                + "drop index credit_entry_member_idx;");
        try (PreparedStatement month = c.prepareStatement(GeneratorSql.MONTH_OF_LEDGER)) {
            for (int year = YEAR - 1; year <= YEAR; year++) {
                for (int m = 1; m <= 12; m++) {
                    int[] binds = {year, year, m, year, m, m};
                    for (int i = 0; i < binds.length; i++) {
                        month.setInt(i + 1, binds[i]);
                    }
                    month.executeUpdate();
                }
            }
        }
        long ledger = System.nanoTime();
        long rows = count(c, "select count(*) from credit_entry");
        run(c, "alter table credit_entry add constraint credit_entry_idem_key_key unique (idem_key);"
                + "create index credit_entry_member_idx on credit_entry (member_id, study_year, occurred_on);"
                + "alter table credit_entry add constraint credit_entry_member_id_fkey foreign key (member_id)"
                + " references member (id);"
                + "alter table credit_entry add constraint credit_entry_reverses_id_fkey foreign key (reverses_id)"
                + " references credit_entry (id);");
        long constraints = System.nanoTime();
        run(c, GeneratorSql.TOTALS);
        long totals = System.nanoTime();
        report.append("Generator: organisation ").append(BenchmarkReport.seconds(org - start))
                .append("; ledger insert ").append(BenchmarkReport.seconds(ledger - org))
                .append(String.format(" (%,.0f rows/s)", rows / ((ledger - org) / 1e9)))
                .append("; keys, index and foreign keys ").append(BenchmarkReport.seconds(constraints - ledger))
                .append("; month and year totals ").append(BenchmarkReport.seconds(totals - constraints))
                .append(String.format("; end to end %,.0f rows/s.%n%n", rows / ((totals - start) / 1e9)));
        return rows;
    }

    /** One member's year: the app's three statements, against the same with the totals summed from the raw entries. */
    private void memberSummary(Connection c, NamedParameterJdbcTemplate jdbc, StringBuilder report) throws Exception {
        long maxMember = count(c, "select max(id) from member");
        LongFunction<Map<String, Object>> params = id -> Map.of("member", id, "year", YEAR);
        double[] app = time(1000, 11, maxMember, id -> {
            jdbc.queryForList(CreditRecords.YEAR_TOTAL, params.apply(id));
            jdbc.queryForObject(CreditRecords.YEAR_LESSONS, params.apply(id), Integer.class);
            jdbc.queryForObject(CreditRecords.YEAR_EVIDENCE, params.apply(id), Integer.class);
        });
        double[] raw = time(1000, 12, maxMember, id -> {
            jdbc.queryForList("select kind, sum(amount) from credit_entry where member_id = :member"
                    + " and study_year = :year group by kind", params.apply(id));
            jdbc.queryForObject(CreditRecords.YEAR_LESSONS, params.apply(id), Integer.class);
            jdbc.queryForObject(CreditRecords.YEAR_EVIDENCE, params.apply(id), Integer.class);
        });
        report.append(line("Member's yearly summary (1,000 members)", app, raw, 20));
    }

    /** A branch's members x months: the app's month totals, against grouping the raw entries by month. */
    private void branchTable(Connection c, NamedParameterJdbcTemplate jdbc, StringBuilder report) throws Exception {
        Function<Long, List<Long>> members = branch -> jdbc.queryForList("select id from member where"
                + " primary_branch_id = :branch union select member_id from managing_membership where branch_id = :branch",
                Map.of("branch", branch), Long.class);
        double[] app = time(100, 21, BRANCHES, branch -> jdbc.queryForList(CreditRecords.BRANCH_MONTHS,
                Map.of("year", YEAR, "members", members.apply(branch))));
        double[] raw = time(100, 22, BRANCHES, branch -> jdbc.queryForList("select member_id,"
                + " extract(month from occurred_on) as m, kind, sum(amount) from credit_entry where study_year = :year"
                + " and member_id in (:members) group by 1, 2, 3", Map.of("year", YEAR, "members", members.apply(branch))));
        report.append(line("Branch member x month table (100 branches; member list included)", app, raw, 200));
    }

    /** Every city and county, each member once per committee: from the year totals, against the raw ledger. */
    private void provinceRollup(NamedParameterJdbcTemplate jdbc, StringBuilder report) {
        String sql = CreditRecords.COMMITTEE_TOTALS.formatted("c.level in ('CITY', 'COUNTY')");
        Map<String, Object> params = Map.of("year", YEAR, "target", 32, "committee", 0);
        String rawSql = sql.replace("select member_id, study_hours, points from credit_year_total where study_year = :year",
                "select member_id, sum(amount) filter (where kind = 'STUDY_HOURS') as study_hours,"
                        + " sum(amount) filter (where kind = 'POINTS') as points from credit_entry"
                        + " where study_year = :year group by member_id");
        assertThat(rawSql).isNotEqualTo(sql);
        List<Map<String, Object>> fromTotals = jdbc.queryForList(sql, params);
        List<Map<String, Object>> fromLedger = jdbc.queryForList(rawSql, params);
        assertThat(fromTotals).as("the totals agree with the ledger").hasSameSizeAs(fromLedger)
                .hasSizeGreaterThan(10);
        double[] app = new double[5];
        double[] raw = new double[3];
        for (int i = 0; i < app.length; i++) {
            app[i] = millis(() -> jdbc.queryForList(sql, params));
        }
        for (int i = 0; i < raw.length; i++) {
            raw[i] = millis(() -> jdbc.queryForList(rawSql, params));
        }
        Arrays.sort(app);
        Arrays.sort(raw);
        report.append(String.format("- Province rollup by city and county (%d committees): from the year totals median"
                        + " %.0f ms, max %.0f ms (target < 2,000 ms); from the raw ledger median %.0f ms; ratio %.3f%n",
                fromTotals.size(), app[app.length / 2], app[app.length - 1], raw[raw.length / 2],
                app[app.length / 2] / raw[raw.length / 2]));
    }

    private static String line(String what, double[] app, double[] raw, double targetMs) {
        return String.format("- %s: app p50 %.2f ms, p99 %.2f ms (target < %.0f ms); raw ledger p50 %.2f ms, p99 %.2f ms;"
                + " ratio p50 %.3f, p99 %.3f%n", what, percentile(app, 50), percentile(app, 99), targetMs,
                percentile(raw, 50), percentile(raw, 99), percentile(app, 50) / percentile(raw, 50),
                percentile(app, 99) / percentile(raw, 99));
    }

    private interface Probe {
        void run(long id) throws Exception;
    }

    /** Latencies of {@code n} probes with random ids 1..max (the same ids for the same seed). */
    private static double[] time(int n, long seed, long max, Probe probe) throws Exception {
        Random random = new Random(seed);
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long id = 1 + (long) (random.nextDouble() * max);
            long t = System.nanoTime();
            probe.run(id);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static double millis(Runnable work) {
        long t = System.nanoTime();
        work.run();
        return (System.nanoTime() - t) / 1e6;
    }


    private static void run(Connection c, String statements) throws Exception {
        try (Statement s = c.createStatement()) {
            for (String sql : statements.split(";\\s*(\\n|$)|;(?=alter|create|drop)")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
    }

}
