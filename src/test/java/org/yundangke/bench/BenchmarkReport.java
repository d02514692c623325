package org.yundangke.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Appends one benchmark's figures to {@code target/benchmarks/results.md} and prints them. */
public final class BenchmarkReport {

    static final Path RESULTS = Path.of("target/benchmarks/results.md");

    private BenchmarkReport() {
    }

    public static void write(String title, String body) throws IOException {
        Files.createDirectories(RESULTS.getParent());
        String text = "## " + title + " (" + LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + ")\n\n" + body + "\n";
        Files.writeString(RESULTS, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println(text);
    }

    public static String seconds(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }

    /** The {@code p}th percentile of sorted latencies (nearest rank). */
    public static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** The single number a query answers (a count, an id). */
    public static long count(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * On PostgreSQL a benchmark runs in a schema of its own (BENCHMARKS.md) and drops it at the end: JobRunr looks for
     * its tables in every schema of the database, so tables left behind would mislead the suite's PostgreSQL tests.
     */
    public static void dropOwnSchema(org.springframework.jdbc.core.JdbcTemplate jdbc) throws java.sql.SQLException {
        try (var connection = jdbc.getDataSource().getConnection()) {
            String schema = connection.getSchema();
            if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL") && !"public".equals(schema)) {
                jdbc.execute("drop schema " + schema + " cascade");
            }
        }
    }
}
