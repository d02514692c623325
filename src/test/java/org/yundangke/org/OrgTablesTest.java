package org.yundangke.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Org's tables are org's: other modules read the organisation through {@link OrgDirectory} or, in SQL, through the
 * {@code org_*} views of {@code V13__org_read_model.sql}. This scans the main sources outside org for SQL that names
 * one of the tables {@code V1__org.sql} creates.
 */
class OrgTablesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/yundangke");
    private static final Path ORG_MIGRATION = Path.of("src/main/resources/db/migration/V1__org.sql");

    @Test
    void no_sql_outside_org_names_an_org_table() throws IOException {
        Pattern named = namingAnyOf(orgTables());
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(SOURCES.resolve("org"))).toList()) {
                Matcher m = named.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(SOURCES.relativize(file) + ": " + m.group());
                }
            }
        }
        assertThat(found).as("SQL outside org naming org's tables; read the org_* views instead").isEmpty();
    }

    @Test
    void the_scan_knows_org_tables_and_spots_them_in_the_usual_places() throws IOException {
        assertThat(orgTables()).contains("member", "branch", "committee", "managing_membership", "user_account");
        Pattern named = namingAnyOf(orgTables());
        assertThat(named.matcher("select id from member where id = ? for update").find()).isTrue();
        assertThat(named.matcher("from org_member m\n join branch pb on pb.id = m.primary_branch_id").find()).isTrue();
        assertThat(named.matcher("exists (select 1 from managing_membership mm").find()).isTrue();
        assertThat(named.matcher("UPDATE user_account set x = 1").find()).isTrue();
        assertThat(named.matcher("from credit_year_total t, member m where m.id = t.member_id").find()).isTrue();
        assertThat(named.matcher("select name, member_id from org_member").find()).isFalse();
        assertThat(named.matcher("void show(Long id, Branch branch) {").find()).as("Java, not SQL").isFalse();
        assertThat(named.matcher("from org_member m join org_branch_committee u").find()).isFalse();
        assertThat(named.matcher("the member's branch").find()).isFalse();
    }

    private static List<String> orgTables() throws IOException {
        Matcher m = Pattern.compile("(?i)create table (\\w+)").matcher(Files.readString(ORG_MIGRATION));
        List<String> tables = new ArrayList<>();
        while (m.find()) {
            tables.add(m.group(1));
        }
        return tables;
    }

    /**
     * A table name right after from, join, update or into, or in a from list after a comma ({@code , member m}, in
     * lower case as our SQL is written, so that Java's {@code , Branch branch)} is not taken for it): how SQL names a
     * table it reads or writes.
     */
    private static Pattern namingAnyOf(List<String> tables) {
        String names = "(" + String.join("|", tables) + ")";
        return Pattern.compile("(?i)\\b(from|join|update|into)\\s+" + names + "\\b"
                + "|(?-i:,\\s*" + names + "\\s+[a-z]\\w*\\s*(,|\\bwhere\\b|\\bjoin\\b|\\)|$))");
    }
}
