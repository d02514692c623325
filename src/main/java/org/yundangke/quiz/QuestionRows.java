package org.yundangke.quiz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.yundangke.base.UserError;

/**
 * The bank's row format, shared by the Excel template, its import and export, and the demo bank:
 * 题型 | 题干 | 选项A–F | 答案 | 解析 | 分值 | 难度 | 分类 | 知识点. Answers are written as people write them: "AC" or
 * "A,C", 对/错, and the accepted words of a blank with "|" between them.
 */
public final class QuestionRows {

    static final List<String> HEADER = List.of("题型", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "选项F",
            "答案", "解析", "分值", "难度", "分类", "知识点");
    static final int COLUMNS = HEADER.size();
    static final String SHEET = "题库";
    /** The template's sample rows, one of each type. */
    static final List<List<String>> SAMPLES = List.of(
            List.of("单选", "中国共产党第一次全国代表大会在哪里开幕？", "北京", "上海", "广州", "武汉", "", "", "B",
                    "1921年7月23日，中共一大在上海开幕。", "1", "1", "党史/新民主主义革命时期", "中共一大"),
            List.of("多选", "“三会一课”中的“三会”是指（  ）。", "支部党员大会", "支部委员会会议", "座谈会", "党小组会", "", "",
                    "ABD", "三会是支部党员大会、支部委员会会议和党小组会。", "2", "2", "党章/组织制度与基层组织", "三会一课"),
            List.of("判断", "预备党员的预备期为一年。", "", "", "", "", "", "", "对", "《中国共产党章程》第七条：预备党员的预备期为一年。",
                    "1", "1", "党章/党员", "预备期"),
            List.of("填空", "1935年1月召开的____是党的历史上生死攸关的转折点。", "", "", "", "", "", "", "遵义会议|遵义",
                    "几种说法都算对时，答案之间用“|”隔开。", "1", "1", "党史/新民主主义革命时期", "遵义会议"));
    private static final Map<String, QuestionType> TYPES = Map.ofEntries(Map.entry("单选", QuestionType.SINGLE),
            Map.entry("单选题", QuestionType.SINGLE), Map.entry("多选", QuestionType.MULTIPLE),
            Map.entry("多选题", QuestionType.MULTIPLE), Map.entry("判断", QuestionType.TRUE_FALSE),
            Map.entry("判断题", QuestionType.TRUE_FALSE), Map.entry("填空", QuestionType.FILL_IN),
            Map.entry("填空题", QuestionType.FILL_IN), Map.entry("single", QuestionType.SINGLE),
            Map.entry("multiple", QuestionType.MULTIPLE), Map.entry("true/false", QuestionType.TRUE_FALSE),
            Map.entry("fill-in", QuestionType.FILL_IN));
    private static final Map<QuestionType, String> LABELS = Map.of(QuestionType.SINGLE, "单选",
            QuestionType.MULTIPLE, "多选", QuestionType.TRUE_FALSE, "判断", QuestionType.FILL_IN, "填空");

    private QuestionRows() {
    }

    /** A row read: the draft, or what is wrong with it. */
    record Parsed(@Nullable QuestionDraft draft, List<QuestionDraft.Problem> problems) {
    }

    static Parsed parse(List<String> cells) {
        List<String> row = new ArrayList<>(cells.stream().map(c -> c == null ? "" : c.strip()).toList());
        while (row.size() < COLUMNS) {
            row.add("");
        }
        QuestionType type = TYPES.get(row.get(0).toLowerCase(Locale.ROOT));
        if (type == null) {
            return failed(new QuestionDraft.Problem("question.invalid.type"));
        }
        BigDecimal score;
        int difficulty;
        try {
            score = new BigDecimal(row.get(10).isEmpty() ? "1" : row.get(10));
            difficulty = row.get(11).isEmpty() ? 1 : Integer.parseInt(row.get(11));
        } catch (NumberFormatException notANumber) {
            return failed(new QuestionDraft.Problem("question.invalid.numbers"));
        }
        List<String> options = type.hasOptions() ? trimmedOptions(row.subList(2, 8)) : nonEmpty(row.subList(2, 8));
        QuestionDraft draft = new QuestionDraft(type, row.get(1), options, key(type, row.get(8)), row.get(9), score,
                difficulty, row.get(12), split(row.get(13)), null);
        List<QuestionDraft.Problem> problems = draft.problems();
        return problems.isEmpty() ? new Parsed(draft, List.of()) : new Parsed(null, problems);
    }

    /** A row as a draft; refuses it with the first thing wrong, as the editor shows it. */
    public static QuestionDraft draft(List<String> cells) {
        Parsed parsed = parse(cells);
        if (parsed.draft() == null) {
            QuestionDraft.Problem problem = parsed.problems().getFirst();
            throw new UserError(problem.messageKey(), problem.args());
        }
        return parsed.draft();
    }

    /** The type as the template's 题型 column writes it. */
    public static String label(QuestionType type) {
        return LABELS.get(type);
    }

    /** A question as a row of the template. */
    public static List<String> cells(QuestionDraft question) {
        List<String> row = new ArrayList<>();
        row.add(LABELS.get(question.type()));
        row.add(question.stem());
        for (int i = 0; i < QuestionDraft.MAX_OPTIONS; i++) {
            row.add(i < question.options().size() ? question.options().get(i) : "");
        }
        row.add(switch (question.type()) {
            case SINGLE, MULTIPLE -> String.join("", question.key());
            case TRUE_FALSE -> QuestionDraft.TRUE.equals(question.key().getFirst()) ? "对" : "错";
            case FILL_IN -> String.join("|", question.key());
        });
        row.add(question.explanation());
        row.add(question.score().stripTrailingZeros().toPlainString());
        row.add(String.valueOf(question.difficulty()));
        row.add(question.categoryPath());
        row.add(String.join("|", question.tags()));
        return row;
    }

    private static List<String> key(QuestionType type, String answer) {
        return switch (type) {
            case SINGLE, MULTIPLE -> answer.toUpperCase(Locale.ROOT).replaceAll("[\\s,，、;；]", "").chars()
                    .mapToObj(c -> String.valueOf((char) c)).toList();
            case TRUE_FALSE -> switch (answer.toUpperCase(Locale.ROOT)) {
                case "对", "正确", "√", "T", "TRUE", "是" -> List.of(QuestionDraft.TRUE);
                case "错", "错误", "×", "F", "FALSE", "否" -> List.of(QuestionDraft.FALSE);
                default -> List.of(answer);
            };
            case FILL_IN -> split(answer);
        };
    }

    /** Options up to the last one given: a gap before it stays a (refused) empty option. */
    private static List<String> trimmedOptions(List<String> cells) {
        int last = cells.size();
        while (last > 0 && cells.get(last - 1).isEmpty()) {
            last--;
        }
        return List.copyOf(cells.subList(0, last));
    }

    private static List<String> nonEmpty(List<String> cells) {
        return cells.stream().filter(c -> !c.isEmpty()).toList();
    }

    private static List<String> split(String text) {
        return Arrays.stream(text.split("[|｜]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Parsed failed(QuestionDraft.Problem problem) {
        return new Parsed(null, List.of(problem));
    }
}
