package cn.sanbao.intake;

import cn.sanbao.shared.Decimals;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the data sheet of an uploaded template by streaming its XML (never the whole workbook in memory).
 * Guards, in order: only real xlsx (zip) content; every part inflated and counted against template-sized
 * limits ({@link XlsxSafety#requireSmallParts}); POI's hardened XML parser (DOCTYPE refused, so no external
 * entities); and the template's shape — rows, columns and cell length beyond {@link TemplateLayout} limits
 * stop the read with a message naming the cell.
 */
final class XlsxGridReader {

    static final int MAX_PARTS = 100;
    static final long MAX_PART_BYTES = 64L << 20;

    static {
        XlsxSafety.apply();
    }

    private XlsxGridReader() {
    }

    static Grid read(String fileName, byte[] bytes) {
        XlsxSafety.requireXlsx(fileName, bytes);
        XlsxSafety.requireSmallParts(fileName, bytes, MAX_PARTS, MAX_PART_BYTES);
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            byte[] chosen = null;
            String chosenName = null;
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    String name = sheets.getSheetName();
                    if (chosen == null || TemplateLayout.DATA_SHEET.equals(name)) {
                        chosen = in.readAllBytes(); // bounded by MAX_PART_BYTES
                        chosenName = name;
                    }
                    if (TemplateLayout.DATA_SHEET.equals(name)) break;
                }
            }
            if (chosen == null) throw IntakeRejectedException.of(fileName, null, "工作簿中没有工作表");
            Handler h = new Handler(fileName, chosenName, strings, styles);
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(h);
            xml.parse(new InputSource(new ByteArrayInputStream(chosen)));
            return new Grid(fileName, chosenName, true, h.rows, h.merged);
        } catch (Exception | OutOfMemoryError e) {
            throw XlsxSafety.explain(fileName, e);
        }
    }

    /** Collects cells of the sheet XML; throws (wrapped in a SAXException) as soon as a template limit is passed. */
    private static final class Handler extends DefaultHandler {
        private final String file;
        private final String sheet;
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final DataFormatter formatter = new DataFormatter();
        final List<List<Grid.Cell>> rows = new ArrayList<>();
        final List<String> merged = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder formula = new StringBuilder();
        private boolean inValue;
        private boolean inFormula;
        private boolean hasFormula;
        private String ref;
        private String type;
        private int style;
        private int nextCol;
        private int row;

        Handler(String file, String sheet, ReadOnlySharedStringsTable strings, StylesTable styles) {
            this.file = file;
            this.sheet = sheet;
            this.strings = strings;
            this.styles = styles;
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes a) throws SAXException {
            switch (local) {
                case "row" -> {
                    String r = a.getValue("r");
                    int n = r == null ? -1 : parseIndex(r);
                    row = n < 1 ? row + 1 : n;
                    nextCol = 0;
                }
                case "c" -> {
                    ref = a.getValue("r");
                    type = a.getValue("t");
                    String s = a.getValue("s");
                    style = s == null ? -1 : parseIndex(s);
                    text.setLength(0);
                    formula.setLength(0);
                    hasFormula = false;
                }
                case "v", "t" -> inValue = true;
                case "f" -> {
                    inFormula = true;
                    hasFormula = true;
                }
                case "mergeCell" -> {
                    if (merged.size() < TemplateLayout.MAX_COLUMNS) merged.add(String.valueOf(a.getValue("ref")));
                }
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            StringBuilder into = inFormula ? formula : inValue ? text : null;
            if (into == null) return;
            into.append(ch, start, length);
            if (into.length() > TemplateLayout.MAX_CELL_CHARS) {
                throw stop(new Location(sheet, row, cellName()), "单元格内容超过 " + TemplateLayout.MAX_CELL_CHARS
                        + " 个字符，不是报送模板的内容");
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) throws SAXException {
            switch (local) {
                case "v", "t" -> inValue = false;
                case "f" -> inFormula = false;
                case "c" -> store();
                default -> { }
            }
        }

        private void store() throws SAXException {
            int col = ref == null ? nextCol : new CellReference(ref).getCol();
            nextCol = col + 1;
            Grid.Cell cell = convert();
            if (cell.isBlank()) return; // styled empty cells far out do not count against the shape
            if (cell.text().length() > TemplateLayout.MAX_CELL_CHARS) {
                throw stop(new Location(sheet, row, cellName()), "单元格内容超过 " + TemplateLayout.MAX_CELL_CHARS
                        + " 个字符，不是报送模板的内容");
            }
            if (row > TemplateLayout.MAX_ROWS) {
                throw stop(new Location(sheet, row, cellName()), "超出报送模板的范围：模板最多 " + TemplateLayout.MAX_ROWS
                        + " 行，请只填写模板中的单位行");
            }
            if (col >= TemplateLayout.MAX_COLUMNS) {
                throw stop(new Location(sheet, row, cellName()), "超出报送模板的范围：模板最多 " + TemplateLayout.MAX_COLUMNS
                        + " 列，请不要在模板右侧填写内容");
            }
            while (rows.size() < row) rows.add(new ArrayList<>());
            List<Grid.Cell> cells = rows.get(row - 1);
            while (cells.size() <= col) cells.add(Grid.Cell.BLANK);
            cells.set(col, cell);
        }

        private Grid.Cell convert() {
            if (hasFormula) return new Grid.Cell(Grid.Kind.FORMULA, "=" + formula, null);
            String v = text.toString();
            if (type == null || type.equals("n")) {
                if (v.isEmpty()) return Grid.Cell.BLANK;
                Double d = excelNumber(v);
                if (d == null) return new Grid.Cell(Grid.Kind.NUMBER, v, null); // refused by the parser with the text
                XSSFCellStyle cs = style >= 0 && style < styles.getNumCellStyles() ? styles.getStyleAt(style) : null;
                if (cs != null && DateUtil.isADateFormat(cs.getDataFormat(), cs.getDataFormatString()) && DateUtil.isValidExcelDate(d)) {
                    return new Grid.Cell(Grid.Kind.DATE, formatter.formatRawCellContents(d, cs.getDataFormat(), cs.getDataFormatString()),
                            BigDecimal.valueOf(d));
                }
                BigDecimal number = BigDecimal.valueOf(d);
                return new Grid.Cell(Grid.Kind.NUMBER, number.stripTrailingZeros().toString(), number);
            }
            return switch (type) {
                case "s" -> text(sharedString(v));
                case "inlineStr", "str" -> text(v);
                case "b" -> new Grid.Cell(Grid.Kind.BOOLEAN, "1".equals(v) ? "true" : "false", null);
                case "e" -> new Grid.Cell(Grid.Kind.ERROR, "#错误值", null);
                default -> new Grid.Cell(Grid.Kind.ERROR, Decimals.quote(v), null);
            };
        }

        private String sharedString(String index) {
            int i = parseIndex(index);
            return i >= 0 && i < strings.getCount() ? strings.getItemAt(i).getString() : "";
        }

        private static Grid.Cell text(String s) {
            String t = s.trim();
            return t.isEmpty() ? Grid.Cell.BLANK : new Grid.Cell(Grid.Kind.TEXT, t, null);
        }

        /** A number as Excel stores it (a double); anything else — long digit strings included — is not taken. */
        private static Double excelNumber(String v) {
            if (v.length() > 40) return null;
            for (int i = 0; i < v.length(); i++) if ("0123456789.eE+-".indexOf(v.charAt(i)) < 0) return null;
            try {
                double d = Double.parseDouble(v);
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** -1 when not digits; Integer.MAX_VALUE when absurdly large (then refused as beyond the template). */
        private static int parseIndex(String s) {
            if (s.isEmpty() || !s.chars().allMatch(c -> c >= '0' && c <= '9')) return -1;
            return s.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(s);
        }

        private String cellName() {
            return ref != null && ref.length() <= 12 ? ref : CellReference.convertNumToColString(Math.max(0, nextCol)) + row;
        }

        private SAXException stop(Location at, String reason) {
            return new SAXException(new IntakeRejectedException(List.of(Finding.at(file, at, reason))));
        }
    }
}
