package cn.sanbao.intake;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Streams the first sheet of a large workbook with POI's SAX reader: memory stays flat whatever the row count. */
final class XlsxPaymentSource implements PaymentSource {

    static {
        XlsxSafety.apply();
    }

    private final Path file;
    private final String name;

    XlsxPaymentSource(Path file, String name) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8);
        }
        XlsxSafety.requireXlsx(name, head);
        this.file = file;
        this.name = name;
    }

    @Override
    public String column(long line, int col) { return CellReference.convertNumToColString(col) + line; }

    @Override
    public void forEach(RowVisitor visitor) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = sharedStrings(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) throw IntakeRejectedException.of(name, null, "工作簿中没有工作表");
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader(); // POI's hardened parser: DOCTYPE refused
                Rows rows = new Rows(visitor);
                xml.setContentHandler(new FormulaAware(reader.getStylesTable(), strings, rows));
                xml.parse(new InputSource(sheet));
            }
        } catch (IntakeRejectedException | ImportCancelledException | java.util.concurrent.CancellationException | java.io.InterruptedIOException e) {
            throw e;
        } catch (Exception e) {
            // POI's own failures (zip bomb, broken zip, DOCTYPE) become a Chinese message naming the file
            throw XlsxSafety.explain(name, e);
        }
    }

    /** Shared strings are held in memory: their part is bounded (a payment file repeats a few names and codes). */
    private ReadOnlySharedStringsTable sharedStrings(OPCPackage pkg) throws IOException, org.xml.sax.SAXException {
        var parts = pkg.getPartsByContentType(org.apache.poi.xssf.usermodel.XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) return new ReadOnlySharedStringsTable(pkg);
        try (InputStream in = parts.get(0).getInputStream()) {
            byte[] data = in.readNBytes((int) MAX_SHARED_STRINGS_BYTES + 1);
            if (data.length > MAX_SHARED_STRINGS_BYTES) {
                throw IntakeRejectedException.of(name, null, "工作簿的共享字符串部分解压后超过 " + MAX_SHARED_STRINGS_BYTES / 1024 / 1024
                        + " MB，无法按支付明细读取；请另存为 CSV（UTF-8）后上传");
            }
            return new ReadOnlySharedStringsTable(new java.io.ByteArrayInputStream(data), false);
        }
    }

    static final long MAX_SHARED_STRINGS_BYTES = 256L << 20;

    /** Dates as yyyy-MM-dd, numbers in plain decimal notation: whatever the cell format shows. */
    private static final class PlainFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate d = DateUtil.getLocalDateTime(value).toLocalDate();
                return d.toString();
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }

    /**
     * Notices formula cells (an f element inside c): their value is handed on as {@link #FORMULA} + the formula
     * text instead of Excel's cached result, so the checker refuses them with the cell reference, as templates do.
     */
    private static final class FormulaAware extends XSSFSheetXMLHandler {
        private final Rows rows;
        private final StringBuilder formula = new StringBuilder();
        private String cellRef;
        private boolean inFormula;

        FormulaAware(org.apache.poi.xssf.model.Styles styles, ReadOnlySharedStringsTable strings, Rows rows) {
            super(styles, null, strings, rows, new PlainFormatter(), false);
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            if ("c".equals(localName)) {
                cellRef = attributes.getValue("r");
                rows.formula = null;
            } else if ("f".equals(localName)) {
                inFormula = true;
                formula.setLength(0);
            }
            super.startElement(uri, localName, qName, attributes);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (inFormula) formula.append(ch, start, length);
            super.characters(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            if ("f".equals(localName)) {
                inFormula = false;
                rows.formula = FORMULA + "=" + (formula.isEmpty() ? "（共享公式）" : formula);
            }
            boolean formulaWithoutValue = "c".equals(localName) && rows.formula != null;
            super.endElement(uri, localName, qName);
            if (formulaWithoutValue) rows.cell(cellRef, null, null); // no cached value: still refused
        }
    }

    /** Marks a formula cell's text for {@link PaymentChecker}; cannot occur in a CSV line or a cell value. */
    static final char FORMULA = '\uFDD0';

    private final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowVisitor visitor;
        private final List<String> cells = new ArrayList<>();
        private int row;
        String formula;

        Rows(RowVisitor visitor) { this.visitor = visitor; }

        @Override public void startRow(int rowNum) { row = rowNum; cells.clear(); }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
                visitor.row(row + 1L, cells.stream().map(c -> c == null ? "" : c.trim()).toArray(String[]::new));
            }
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            int col = ref == null ? cells.size() : new CellReference(ref).getCol();
            if (col >= MAX_FIELDS) {
                throw IntakeRejectedException.of(name, new Location("第1个工作表", row + 1, ref),
                        "支付明细最多 " + MAX_FIELDS + " 列，此单元格超出范围，不是支付明细文件");
            }
            while (cells.size() <= col) cells.add(null);
            cells.set(col, formula != null ? formula : value);
            formula = null;
        }
    }
}
