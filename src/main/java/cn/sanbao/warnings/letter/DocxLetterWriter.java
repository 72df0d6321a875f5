package cn.sanbao.warnings.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * DOCX per GB/T 9704 conventions (plain, without the red header): 文号 centred, title centred in a large
 * bold 小标宋-like face, main recipient flush left, body 仿宋 三号 with a two-character first-line indent,
 * issuing office and date at the right. Editable in WPS and Word.
 */
final class DocxLetterWriter {

    private static final int BODY_PT = 16;      // 三号
    private static final int TITLE_PT = 22;     // 二号
    private static final String BODY_FONT = "仿宋_GB2312";
    private static final String TITLE_FONT = "方正小标宋简体";

    private DocxLetterWriter() {
    }

    static byte[] write(Letter l) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            margins(doc);
            para(doc, l.docNo(), ParagraphAlignment.CENTER, BODY_FONT, BODY_PT, false, 0);
            para(doc, "", ParagraphAlignment.LEFT, BODY_FONT, BODY_PT, false, 0);
            para(doc, l.title(), ParagraphAlignment.CENTER, TITLE_FONT, TITLE_PT, true, 0);
            para(doc, "", ParagraphAlignment.LEFT, BODY_FONT, BODY_PT, false, 0);
            para(doc, l.recipient(), ParagraphAlignment.LEFT, BODY_FONT, BODY_PT, false, 0);
            for (String p : l.paragraphs()) para(doc, p, ParagraphAlignment.BOTH, BODY_FONT, BODY_PT, false, BODY_PT * 2 * 20);
            para(doc, "", ParagraphAlignment.LEFT, BODY_FONT, BODY_PT, false, 0);
            para(doc, l.office(), ParagraphAlignment.RIGHT, BODY_FONT, BODY_PT, false, 0);
            para(doc, l.date(), ParagraphAlignment.RIGHT, BODY_FONT, BODY_PT, false, 0);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("生成提示函 DOCX 失败：" + e.getMessage(), e);
        }
    }

    private static void para(XWPFDocument doc, String text, ParagraphAlignment align, String font, int pt, boolean bold, int firstLineTwips) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingBetween(28, org.apache.poi.xwpf.usermodel.LineSpacingRule.EXACT);
        if (firstLineTwips > 0) p.setIndentationFirstLine(firstLineTwips);
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setBold(bold);
        r.setFontSize(pt);
        r.setFontFamily(font, FontCharRange.eastAsia);
        r.setFontFamily("Times New Roman", FontCharRange.ascii);
        r.setFontFamily("Times New Roman", FontCharRange.hAnsi);
    }

    /** 天头 37 mm, 订口 28 mm, bottom 35 mm, right 26 mm (GB/T 9704 page layout). */
    private static void margins(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(mm(37)));
        mar.setBottom(BigInteger.valueOf(mm(35)));
        mar.setLeft(BigInteger.valueOf(mm(28)));
        mar.setRight(BigInteger.valueOf(mm(26)));
    }

    private static long mm(int mm) {
        return Math.round(mm * 1440 / 25.4);
    }
}
