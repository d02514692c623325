package org.yundangke;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The same migrations must apply on H2 (the default) and on PostgreSQL (the scale-out shape). */
class MigrationsTest {

    static final List<String> TABLES = List.of("committee", "branch", "member", "managing_membership",
            "user_account", "user_role", "branch_secretary", "event_publication", "user_preference");

    static final String PG_URL = System.getenv().getOrDefault("YUNDANGKE_TEST_PG_URL",
            "jdbc:postgresql://localhost:5432/yundangke");
    static final String PG_USER = System.getenv().getOrDefault("YUNDANGKE_TEST_PG_USER", "yundangke");
    static final String PG_PASSWORD = System.getenv().getOrDefault("YUNDANGKE_TEST_PG_PASSWORD", "yundangke");

    @Test
    void migrations_apply_on_h2() throws SQLException {
        String url = "jdbc:h2:mem:migrations-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        MigrateResult result = Flyway.configure().dataSource(url, "sa", "").load().migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(3);
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            assertThat(tables(connection, "public")).containsAll(TABLES);
            assertOnePrimaryAndAtMostTwoManagingBranches(connection);
        }
    }

    @Test
    void migrations_apply_on_postgresql() throws SQLException {
        Connection probe = null;
        try {
            probe = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
        } catch (SQLException e) {
            System.out.println("SKIPPED migrations_apply_on_postgresql: no PostgreSQL at " + PG_URL + " for user "
                    + PG_USER + " (" + e.getMessage() + "). .ci/run starts one.");
            Assumptions.abort("no PostgreSQL at " + PG_URL);
        }
        String schema = "migrations_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = probe) {
            MigrateResult result = Flyway.configure().dataSource(PG_URL, PG_USER, PG_PASSWORD)
                    .schemas(schema).createSchemas(true).load().migrate();
            assertThat(result.success).isTrue();
            connection.setSchema(schema);
            assertThat(tables(connection, schema)).containsAll(TABLES);
            assertOnePrimaryAndAtMostTwoManagingBranches(connection);
        } finally {
            try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                 Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private static List<String> tables(Connection connection, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, schema, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** The schema itself keeps "1+2": a member row needs a primary branch, and only slots 1 and 2 exist. */
    private static void assertOnePrimaryAndAtMostTwoManagingBranches(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("insert into committee (id, name, level, path) values (900, 'c', 'COUNTY', '/900/')");
            for (int b = 901; b <= 904; b++) {
                sql.execute("insert into branch (id, name, kind, committee_id) values (" + b + ", 'b', 'COMMUNITY', 900)");
            }
            sql.execute("insert into member (id, name, primary_branch_id) values (950, 'm', 901)");
            sql.execute("insert into managing_membership (member_id, slot, branch_id) values (950, 1, 902)");
            sql.execute("insert into managing_membership (member_id, slot, branch_id) values (950, 2, 903)");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql.execute(
                    "insert into managing_membership (member_id, slot, branch_id) values (950, 3, 904)"))
                    .isInstanceOf(SQLException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql.execute(
                    "insert into member (id, name) values (951, 'no branch')")).isInstanceOf(SQLException.class);
        }
    }
}
