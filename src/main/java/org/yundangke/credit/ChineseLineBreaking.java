package org.yundangke.credit;

import org.jspecify.annotations.Nullable;
import org.openpdf.text.SplitCharacter;
import org.openpdf.text.pdf.DefaultSplitCharacter;
import org.openpdf.text.pdf.PdfChunk;

/**
 * OpenPDF's default line breaking with the basic Chinese rule (禁则) added: no line starts with closing
 * punctuation such as ）。，and no line ends with opening punctuation such as （《. OpenPDF's
 * {@link DefaultSplitCharacter} allows a break after any CJK character, so without this a line can begin with "）".
 */
final class ChineseLineBreaking extends DefaultSplitCharacter {

    static final SplitCharacter INSTANCE = new ChineseLineBreaking();

    /** Characters that must not begin a line. */
    private static final String NOT_AT_LINE_START = "）〕］｝》〉」』】〗〙〛’”、。，．：；！？…—·％‰)]},.:;!?%";
    /** Characters that must not end a line. */
    private static final String NOT_AT_LINE_END = "（〔［｛《〈「『【〖〘〚‘“([{";

    private ChineseLineBreaking() {
    }

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk @Nullable [] ck) {
        if (NOT_AT_LINE_END.indexOf(getCurrentCharacter(current, cc, ck)) >= 0) {
            return false;
        }
        if (current + 1 < end && NOT_AT_LINE_START.indexOf(getCurrentCharacter(current + 1, cc, ck)) >= 0) {
            return false;
        }
        return super.isSplitCharacter(start, current, end, cc, ck);
    }
}
