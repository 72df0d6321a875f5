package cn.sanbao.reports.format;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Component;
import cn.sanbao.reports.Report;
import cn.sanbao.reports.chart.ChartImage;
import cn.sanbao.reports.chart.ChartSpec;
import cn.sanbao.shared.table.Table;

/** Editable Word document with the same text, charts (as pictures) and tables as the PDF. */
@Component
public class DocxReportWriter {

    private final ReportFonts fonts;

    public DocxReportWriter(ReportFonts fonts) {
        this.fonts = fonts;
    }

    public byte[] write(Report r) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            text(doc, r.title(), 18, true, ParagraphAlignment.CENTER);
            text(doc, r.sourceLine(), 8, false, ParagraphAlignment.CENTER);
            for (Report.Section s : r.sections()) {
                text(doc, s.heading(), 14, true, ParagraphAlignment.LEFT);
                for (String p : s.paragraphs()) text(doc, p, 11, false, ParagraphAlignment.BOTH).setFirstLineIndent(420);
                for (ChartSpec c : s.charts()) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setAlignment(ParagraphAlignment.CENTER);
                    byte[] png = ChartImage.png(c, fonts.awt(), 900, 420);
                    p.createRun().addPicture(new ByteArrayInputStream(png), XWPFDocument.PICTURE_TYPE_PNG, c.id() + ".png",
                            Units.toEMU(450), Units.toEMU(210));
                }
                for (Table t : s.tables()) {
                    text(doc, t.title() + (t.note() == null ? "" : "（" + t.note() + "）"), 10, true, ParagraphAlignment.CENTER);
                    table(doc, t);
                }
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException | InvalidFormatException e) {
            throw new IllegalStateException("生成 DOCX 报告失败：" + e.getMessage(), e);
        }
    }

    private static void table(XWPFDocument doc, Table t) {
        XWPFTable x = doc.createTable(t.rows().size() + 1, t.columns().size());
        x.setWidth("100%");
        XWPFTableRow head = x.getRow(0);
        head.setRepeatHeader(true);
        for (int c = 0; c < t.columns().size(); c++) cell(head, c, t.columns().get(c).header(), true, false);
        for (int r = 0; r < t.rows().size(); r++)
            for (int c = 0; c < t.columns().size(); c++)
                cell(x.getRow(r + 1), c, t.display(r, c), false, t.columns().get(c).numeric());
    }

    private static void cell(XWPFTableRow row, int c, String text, boolean bold, boolean right) {
        XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
        if (right) p.setAlignment(ParagraphAlignment.RIGHT);
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setFontSize(8);
        run.setFontFamily("宋体");
    }

    private static XWPFParagraph text(XWPFDocument doc, String text, int size, boolean bold, ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setBold(bold);
        run.setFontSize(size);
        run.setFontFamily("宋体");
        return p;
    }
}
