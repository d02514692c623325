package org.yundangke.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Logins;
import org.yundangke.base.UserError;

/**
 * An admin onboards a new branch and its members from Excel: a file with bad rows is checked, explained row by row and
 * imports nothing; the corrected file imports everyone at once, the "1+2" memberships and the logins asked for, which
 * ask for a new password at first login.
 */
@SpringBootTest
@ActiveProfiles("test")
class MemberImportTest {

    @Autowired
    MemberImport imports;

    @Autowired
    Accounts accounts;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    final String branch = "导入测试支部 " + UUID.randomUUID().toString().substring(0, 6);
    final String phone = "137" + String.format("%08d", (int) (Math.random() * 100_000_000));

    @AfterEach
    void removeWhatWasImported() {
        jdbc.update("delete from user_role where user_id in (select a.id from user_account a join member m on"
                + " m.id = a.member_id join branch b on b.id = m.primary_branch_id where b.name = ?)", branch);
        jdbc.update("delete from user_account where member_id in (select m.id from member m join branch b on"
                + " b.id = m.primary_branch_id where b.name = ?)", branch);
        jdbc.update("delete from managing_membership where member_id in (select m.id from member m join branch b on"
                + " b.id = m.primary_branch_id where b.name = ?)", branch);
        jdbc.update("delete from member where primary_branch_id in (select id from branch where name = ?)", branch);
        jdbc.update("delete from branch where name = ?", branch);
        logins.logout();
    }

    @Test
    void a_file_with_bad_rows_imports_nothing_and_says_which_row_and_why() throws IOException {
        logins.as("admin");
        int members = count("select count(*) from member");
        byte[] file = workbook(
                row(branch, "玄武区委离退休干部工委", "社区", "王一", "男", "1948", "1972-07-01", phone, "", "", "", "是"),
                row(branch, "", "", "王二", "不详", "1950", "1975-05-04", "", "", "", "", ""),
                row(branch, "", "", "王三", "女", "1850", "明年", "电话", "", "没有这个支部", "", "也许"),
                row("新支部甲", "姑苏区委离退休干部工委", "社区", "王四", "男", "", "", "", "", "", "", ""));
        MemberImport.Check check = imports.check(new ByteArrayInputStream(file), n -> { });
        assertThat(check.rows()).extracting(MemberImport.RowCheck::rowNumber).containsExactly(2, 3, 4, 5);
        assertThat(check.rows().get(0).valid()).isTrue();
        assertThat(check.rows().get(1).problems()).extracting(MemberImport.Problem::messageKey)
                .containsExactly("members.import.gender");
        assertThat(check.rows().get(2).problems()).extracting(MemberImport.Problem::messageKey).containsExactly(
                "members.import.birth-year", "members.import.joined", "members.import.phone",
                "members.import.account", "members.import.managing");
        assertThat(check.rows().get(3).problems()).extracting(MemberImport.Problem::messageKey)
                .as("Gusu is in Suzhou, outside the Nanjing admin's area").containsExactly("members.import.committee");

        try (XSSFWorkbook errors = new XSSFWorkbook(new ByteArrayInputStream(imports.errorWorkbook(check,
                Locale.SIMPLIFIED_CHINESE)))) {
            Row third = errors.getSheetAt(0).getRow(2);
            assertThat(third.getCell(MemberRows.COLUMNS).getStringCellValue()).isEqualTo("3");
            assertThat(third.getCell(MemberRows.COLUMNS + 1).getStringCellValue()).startsWith("性别请写");
        }
        assertThatThrownBy(() -> imports.commit(check)).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.messageKey()).isEqualTo("members.import.has-errors"));
        assertThat(count("select count(*) from member")).as("nothing imported").isEqualTo(members);
        assertThat(count("select count(*) from branch where name = '" + branch + "'")).isZero();
    }

    @Test
    void a_good_file_makes_the_branch_the_members_their_managing_branches_and_the_logins_asked_for() throws IOException {
        logins.as("admin");
        byte[] file = workbook(
                row(branch, "玄武区委离退休干部工委", "社区", "赵一", "男", "1948", "1972/7/1", phone, "原某局",
                        "梅园新村社区离退休干部党支部", "", "是"),
                row(branch, "", "", "赵二", "女", "1950", "1975年5月4日", "", "", "", "", "否"));
        MemberImport.Check check = imports.check(new ByteArrayInputStream(file), n -> { });
        assertThat(check.invalid()).isZero();
        assertThat(check.newBranches()).containsExactly(branch);

        MemberImport.Result result = imports.commit(check);
        assertThat(result.branches()).isOne();
        assertThat(result.members()).isEqualTo(2);
        assertThat(result.logins()).singleElement().satisfies(login -> {
            assertThat(login.get(0)).isEqualTo("赵一");
            assertThat(login.get(1)).isEqualTo(phone);
            assertThat(login.get(2)).matches("\\d{8}");
        });
        assertThat(accounts.mustChangePassword(phone)).isTrue();
        assertThat(count("select count(*) from managing_membership mm join member m on m.id = mm.member_id"
                + " where m.name = '赵一' and mm.branch_id = (select id from branch where name = '梅园新村社区离退休干部党支部')"))
                .isOne();
        assertThat(jdbc.queryForObject("select party_join_date from member where name = '赵二' and primary_branch_id ="
                + " (select id from branch where name = ?)", java.time.LocalDate.class, branch))
                .isEqualTo(java.time.LocalDate.of(1975, 5, 4));

        MemberImport.Check again = imports.check(new ByteArrayInputStream(file), n -> { });
        assertThat(again.rows()).allSatisfy(r -> assertThat(r.problems()).extracting(MemberImport.Problem::messageKey)
                .containsExactly("members.import.exists"));
    }

    @Test
    void only_admins_import() {
        logins.as("secretary");
        assertThatThrownBy(() -> imports.template()).isInstanceOf(AccessDeniedException.class);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private static List<String> row(String... cells) {
        return List.of(cells);
    }

    @SafeVarargs
    private static byte[] workbook(List<String>... rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            List<List<String>> all = new ArrayList<>();
            all.add(MemberRows.HEADER);
            all.addAll(List.of(rows));
            for (int r = 0; r < all.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < all.get(r).size(); c++) {
                    row.createCell(c).setCellValue(all.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
