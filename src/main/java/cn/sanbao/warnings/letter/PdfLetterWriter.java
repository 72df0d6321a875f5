package cn.sanbao.warnings.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import cn.sanbao.shared.CjkFont;
import org.springframework.stereotype.Component;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;

/**
 * PDF of a 提示函 with an embedded CJK font from the system (Noto CJK by default). Same layout as the
 * DOCX. Without a CJK font the letter cannot be printed correctly, so it fails with a clear message.
 */
@Component
public class PdfLetterWriter {

    private final String configured;

    public PdfLetterWriter(@Value("${sanbao.warnings.letter.font:}") String configured) {
        this.configured = configured;
    }

    /** The font file to embed: the configured one, else the first Noto CJK font found (see {@link CjkFont}). */
    String fontFile() {
        return CjkFont.file(configured, "sanbao.warnings.letter.font");
    }

    public byte[] write(Letter l) {
        String file = fontFile();
        String spec = file.endsWith(".ttc") ? file + ",0" : file;
        try {
            BaseFont base = BaseFont.createFont(spec, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            Font body = new Font(base, 16);
            Font title = new Font(base, 22, Font.BOLD);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // GB/T 9704 margins in points: left 28 mm, right 26 mm, top 37 mm, bottom 35 mm
            Document doc = new Document(PageSize.A4, 79.4f, 73.7f, 104.9f, 99.2f);
            PdfWriter.getInstance(doc, out);
            doc.addTitle(l.title());
            doc.open();
            doc.add(p(l.docNo(), body, Element.ALIGN_CENTER, 0));
            doc.add(p(" ", body, Element.ALIGN_LEFT, 0));
            doc.add(p(l.title(), title, Element.ALIGN_CENTER, 0));
            doc.add(p(" ", body, Element.ALIGN_LEFT, 0));
            doc.add(p(l.recipient(), body, Element.ALIGN_LEFT, 0));
            for (String text : l.paragraphs()) doc.add(p(text, body, Element.ALIGN_JUSTIFIED, 32));
            doc.add(p(" ", body, Element.ALIGN_LEFT, 0));
            doc.add(p(l.office(), body, Element.ALIGN_RIGHT, 0));
            doc.add(p(l.date(), body, Element.ALIGN_RIGHT, 0));
            doc.close();
            return out.toByteArray();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("生成 PDF 提示函失败（字体 " + file + "）：" + e.getMessage(), e);
        }
    }

    private static Paragraph p(String text, Font font, int align, float firstIndent) {
        Chunk chunk = new Chunk(text, font);
        chunk.setSplitCharacter(ChineseLineBreaks.INSTANCE);
        Paragraph p = new Paragraph(28, chunk);
        p.setAlignment(align);
        p.setFirstLineIndent(firstIndent);
        return p;
    }
}
