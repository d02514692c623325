package org.yundangke.quiz;

/** The kinds of question the bank holds, and how each is answered. */
public enum QuestionType {
    /** One option is right. */
    SINGLE,
    /** Two or more options are right; a partial answer may earn part of the score. */
    MULTIPLE,
    /** 对 or 错. */
    TRUE_FALSE,
    /** One blank; any of several accepted answers is right. */
    FILL_IN;

    public boolean hasOptions() {
        return this == SINGLE || this == MULTIPLE;
    }
}
