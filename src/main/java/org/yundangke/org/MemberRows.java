package org.yundangke.org;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The member import's file format: its column names and the words its cells take (男/女, 是/否, the branch types), in
 * Chinese as the committees' own tables are. Every import reads and the template writes these.
 */
final class MemberRows {

    private MemberRows() {
    }

    static final String SHEET = "党员";
    static final List<String> HEADER = List.of("支部名称", "上级工委", "支部类型", "姓名", "性别", "出生年份", "入党日期",
            "手机号", "原工作单位", "管理支部1", "管理支部2", "开通账号");
    static final int COLUMNS = HEADER.size();
    static final int BRANCH = 0;
    static final int COMMITTEE = 1;
    static final int KIND = 2;
    static final int NAME = 3;
    static final int GENDER = 4;
    static final int BIRTH_YEAR = 5;
    static final int JOINED = 6;
    static final int PHONE = 7;
    static final int FORMER_UNIT = 8;
    static final int MANAGING_1 = 9;
    static final int MANAGING_2 = 10;
    static final int ACCOUNT = 11;

    static final List<String> GENDERS = List.of("男", "女");
    static final String YES = "是";
    static final String NO = "否";

    private static final Map<String, BranchKind> KINDS = Map.of("原单位", BranchKind.ORIGINAL_UNIT,
            "原单位党支部", BranchKind.ORIGINAL_UNIT, "社区", BranchKind.COMMUNITY, "社区党支部", BranchKind.COMMUNITY,
            "协会", BranchKind.ASSOCIATION, "社团协会", BranchKind.ASSOCIATION, "社团协会党支部", BranchKind.ASSOCIATION);

    /** Two sample rows: a member of a new community branch who wants a login, and one who studies offline. */
    static final List<List<String>> SAMPLES = List.of(
            List.of("示例社区离退休干部党支部", "玄武区委离退休干部工委", "社区", "张三", "男", "1948", "1972-07-01",
                    "13900001234", "原南京市某局", "", "", YES),
            List.of("示例社区离退休干部党支部", "玄武区委离退休干部工委", "社区", "李四", "女", "1950", "1975-05-04",
                    "", "原南京市某厂", "", "", NO));

    static Optional<BranchKind> kind(String cell) {
        return Optional.ofNullable(KINDS.get(cell.strip()));
    }

    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("yyyy-M-d"),
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
            DateTimeFormatter.ofPattern("yyyy年M月d日"));

    /** A date as committees write it: 1972-07-01, 1972/7/1, 1972.7.1 or 1972年7月1日. */
    static Optional<LocalDate> date(String cell) {
        for (DateTimeFormatter format : DATES) {
            try {
                return Optional.of(LocalDate.parse(cell.strip(), format));
            } catch (DateTimeParseException next) {
                // try the next way of writing it
            }
        }
        return Optional.empty();
    }
}
