package org.yundangke.quiz.ui;

import com.vaadin.flow.component.Component;

/** Reads a question and its options aloud with the browser's own speech (zh-CN), a little slower than usual. */
final class ReadAloud {

    private ReadAloud() {
    }

    static void speak(Component on, String text) {
        on.getElement().executeJs("if (!('speechSynthesis' in window)) { return; }"
                + " speechSynthesis.cancel(); const u = new SpeechSynthesisUtterance($0);"
                + " u.lang = 'zh-CN'; u.rate = 0.9; speechSynthesis.speak(u);", text);
    }
}
