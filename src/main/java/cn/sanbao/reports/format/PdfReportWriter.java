package cn.sanbao.reports.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.springframework.stereotype.Component;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import cn.sanbao.reports.Report;
import cn.sanbao.reports.chart.ChartImage;
import cn.sanbao.reports.chart.ChartSpec;
import cn.sanbao.shared.CjkFont;
import cn.sanbao.shared.table.Table;

/** A4 PDF: CJK font embedded, charts as images, table headers repeated on each page, "第 x 页 共 y 页" at the foot. */
@Component
@org.springframework.modulith.NamedInterface("format")
public class PdfReportWriter {

    private final ReportFonts fonts;

    public PdfReportWriter(ReportFonts fonts) {
        this.fonts = fonts;
    }

    public byte[] write(Report r) {
        String file = fonts.file();
        try {
            BaseFont base = BaseFont.createFont(CjkFont.pdfSpec(file), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document doc = new Document(PageSize.A4, 50, 50, 56, 56);
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new PageNumbers(base));
            doc.addTitle(r.title());
            doc.open();
            doc.add(paragraph(r.title(), new Font(base, 18, Font.BOLD), Element.ALIGN_CENTER, 6));
            doc.add(paragraph(r.sourceLine() + "；生成时间：" + r.generatedAt().toString().replace('T', ' '),
                    new Font(base, 8), Element.ALIGN_CENTER, 10));
            Font heading = new Font(base, 13, Font.BOLD);
            Font body = new Font(base, 10.5f);
            for (Report.Section s : r.sections()) {
                doc.add(paragraph(s.heading(), heading, Element.ALIGN_LEFT, 4));
                for (String p : s.paragraphs()) {
                    Paragraph para = paragraph(p, body, Element.ALIGN_JUSTIFIED, 4);
                    para.setFirstLineIndent(21);
                    doc.add(para);
                }
                for (ChartSpec c : s.charts()) {
                    Image img = Image.getInstance(ChartImage.png(c, fonts.awt(), 900, 420));
                    img.scaleToFit(doc.getPageSize().getWidth() - 100, 240);
                    img.setAlignment(Element.ALIGN_CENTER);
                    doc.add(img);
                }
                for (Table t : s.tables()) {
                    doc.add(paragraph(t.title() + (t.note() == null ? "" : "（" + t.note() + "）"), new Font(base, 10, Font.BOLD),
                            Element.ALIGN_CENTER, 2));
                    doc.add(table(t, base));
                }
            }
            doc.close();
            return out.toByteArray();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("生成 PDF 报告失败（字体 " + file + "）：" + e.getMessage(), e);
        }
    }

    private static PdfPTable table(Table t, BaseFont base) {
        int n = t.columns().size();
        float size = n <= 8 ? 8.5f : n <= 12 ? 7f : 5.5f;
        Font head = new Font(base, size, Font.BOLD);
        Font cell = new Font(base, size);
        PdfPTable p = new PdfPTable(n);
        p.setWidthPercentage(100);
        float[] widths = new float[n];
        for (int i = 0; i < n; i++) widths[i] = t.columns().get(i).numeric() ? 1f : 1.6f;
        p.setWidths(widths);
        p.setHeaderRows(1);
        p.setSpacingAfter(8);
        for (Table.Column c : t.columns()) {
            PdfPCell h = new PdfPCell(new Phrase(c.header(), head));
            h.setHorizontalAlignment(Element.ALIGN_CENTER);
            h.setVerticalAlignment(Element.ALIGN_MIDDLE);
            h.setBackgroundColor(new java.awt.Color(0xe8, 0xeb, 0xf0));
            p.addCell(h);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            for (int c = 0; c < n; c++) {
                PdfPCell x = new PdfPCell(new Phrase(t.display(r, c), cell));
                x.setHorizontalAlignment(t.columns().get(c).numeric() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                p.addCell(x);
            }
        }
        if (t.rows().isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("（无）", cell));
            none.setColspan(n);
            none.setHorizontalAlignment(Element.ALIGN_CENTER);
            p.addCell(none);
        }
        return p;
    }

    private static Paragraph paragraph(String text, Font font, int align, float after) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(align);
        p.setSpacingAfter(after);
        p.setLeading(font.getSize() * 1.5f);
        return p;
    }

    /** The total is not known until the end: each footer points at one template filled in on close. */
    private static final class PageNumbers extends PdfPageEventHelper {
        private final BaseFont base;
        private PdfTemplate total;

        PageNumbers(BaseFont base) {
            this.base = base;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            String before = "第 " + writer.getPageNumber() + " 页 共 ";
            float width = base.getWidthPoint(before, 9) + base.getWidthPoint("00 页", 9);
            Rectangle page = document.getPageSize();
            float x = (page.getWidth() - width) / 2, y = 30;
            cb.beginText();
            cb.setFontAndSize(base, 9);
            cb.setTextMatrix(x, y);
            cb.showText(before);
            cb.endText();
            cb.addTemplate(total, x + base.getWidthPoint(before, 9), y);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(base, 9);
            total.setTextMatrix(0, 0);
            total.showText((writer.getPageNumber() - 1) + " 页"); // the writer has already moved past the last page
            total.endText();
        }
    }
}
