package org.yundangke.credit;

/** What earned an entry. */
public enum CreditSource {
    LESSON, QUIZ, LIVE, EVIDENCE, MANUAL
}
