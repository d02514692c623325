package org.yundangke.quiz.ui;

import com.vaadin.flow.component.Component;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.yundangke.quiz.QuizInfo;
import org.yundangke.quiz.QuizKind;

/** How a quiz is described in plain words: how many questions, time, pass mark. */
final class QuizTexts {

    private QuizTexts() {
    }

    static String facts(Component context, QuizInfo quiz) {
        String count = context.getTranslation("quiz.facts.questions", quiz.questionCount());
        String time = quiz.timeLimitMinutes() == null ? context.getTranslation("quiz.facts.untimed")
                : context.getTranslation("quiz.facts.timed", quiz.timeLimitMinutes());
        return quiz.kind() == QuizKind.TEST
                ? count + " · " + time + " · " + context.getTranslation("quiz.facts.pass", quiz.passPercent())
                : count + " · " + time;
    }

    /** 2.0 as "2", 2.5 as "2.5". */
    static String number(@Nullable BigDecimal value) {
        return value == null ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
