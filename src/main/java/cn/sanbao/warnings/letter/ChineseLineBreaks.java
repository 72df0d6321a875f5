package cn.sanbao.warnings.letter;

import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * 避头尾 for OpenPDF: a line never starts with closing punctuation（」，。、；：etc.）and never ends with
 * an opening one（「“《 etc.）. OpenPDF by default breaks before any ideograph, so 「，」 could open a line.
 * When a break is not allowed between two characters the previous allowed point is used, which carries
 * the last character before the punctuation onto the next line with it.
 */
final class ChineseLineBreaks extends DefaultSplitCharacter {

    static final ChineseLineBreaks INSTANCE = new ChineseLineBreaks();
    /** May not start a line. */
    static final String NO_LINE_START = "）)］]｝}〕〉》」』】〙〗〟’”，,。.、；;：:！!？?…‥·%％";
    /** May not end a line. */
    static final String NO_LINE_END = "（(［[｛{〔〈《「『【〘〖〝‘“";

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        char c = getCurrentCharacter(current, cc, ck);
        if (NO_LINE_END.indexOf(c) >= 0) return false;
        if (current + 1 < end && NO_LINE_START.indexOf(getCurrentCharacter(current + 1, cc, ck)) >= 0) return false;
        // full-width closing punctuation is outside OpenPDF's CJK ranges: allow a break after it
        if (NO_LINE_START.indexOf(c) >= 0) return true;
        return super.isSplitCharacter(start, current, end, cc, ck);
    }
}
