package org.yundangke.quiz;

/** What an attempt is for. */
public enum QuizKind {
    /** 练习: untimed, each answer and its 解析 shown at once, no pass or fail. */
    PRACTICE,
    /** 测验: graded on submission, a passing mark, reviewed afterwards; a pass earns credit once a year. */
    TEST,
    /** 每日一练: a few questions drawn for a member and a day. */
    DAILY,
    /** 错题本: the questions a member got wrong, practised again. */
    WRONG_BOOK;

    /** The answer and its 解析 are shown as soon as a question is answered. */
    public boolean showsAnswerAtOnce() {
        return this != TEST;
    }
}
