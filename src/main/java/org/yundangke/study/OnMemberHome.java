package org.yundangke.study;

import java.util.List;
import java.util.Locale;

/**
 * Cards other modules put at the top of a member's home (a live talk today or soon), so that study knows only this
 * interface and the arrows point into study.
 */
public interface OnMemberHome {

    /** The caller's cards, in the order to show them, with texts in {@code locale}. */
    List<Card> cards(Locale locale);

    /** A title, a note under it ("正在直播", "明天上午 9:00 · 还有 20 小时"), the app path it opens, and whether it is on now. */
    record Card(String title, String note, String path, boolean now) {
    }
}
