package cn.sanbao.shared.table;

import cn.sanbao.shared.DataFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Streams the first sheet of an uploaded .xlsx (reference lists, project library, scope quantities) row by
 * row with POI's SAX reader, within limits checked before and while parsing: file size, number and inflated
 * size of the zip parts, rows, columns and cell length. Never builds the workbook in memory. Numbers come
 * out in plain decimal notation, dates as yyyy-MM-dd, other cells as Excel shows them.
 */
public final class SheetStream {

    /** What a file of this kind may hold; anything beyond is refused with the row or cell named. */
    public record Limits(int maxBytes, int maxRows, int maxColumns, int maxCellChars) {
        /** Lists and imports maintained by the province: a few thousand rows, a few dozen columns. */
        public static final Limits IMPORT = new Limits(20 << 20, 100_000, 100, 2_000);
    }

    public interface RowVisitor {
        /** line is the Excel row number (1-based); cells by column index, null where empty. */
        void row(int line, String[] cells);
    }

    private static final int MAX_PARTS = 200;
    private static final long MAX_PART_BYTES = 256L << 20;

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
    }

    private SheetStream() {
    }

    public static void read(String fileName, InputStream in, Limits limits, RowVisitor visitor) {
        byte[] bytes;
        try (in) {
            bytes = in.readNBytes(limits.maxBytes() + 1);
        } catch (IOException e) {
            throw new DataFileException(fileName, 0, null, "无法读取上传的文件");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new DataFileException(fileName, 0, null, "文件超过 " + limits.maxBytes() / 1024 / 1024 + " MB");
        }
        String problem = partsProblem(bytes, MAX_PARTS, MAX_PART_BYTES);
        if (problem != null) throw new DataFileException(fileName, 0, null, problem);
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) throw new DataFileException(fileName, 0, null, "工作簿中没有工作表");
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader(); // POI's hardened parser: DOCTYPE refused
                Rows rows = new Rows(fileName, limits, visitor);
                xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                        new ReadOnlySharedStringsTable(pkg, false), rows, new PlainFormatter(), false));
                xml.parse(new InputSource(sheet));
            }
        } catch (Exception | OutOfMemoryError e) {
            for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof DataFileException d) throw d;
            throw new DataFileException(fileName, 0, null, explain(e));
        }
    }

    /**
     * Inflates every part once, counting: a Chinese reason when there are more than maxParts parts or one
     * inflates beyond maxPartBytes (a huge sheet or a zip bomb), or the zip is broken; null when fine.
     */
    public static String partsProblem(byte[] bytes, int maxParts, long maxPartBytes) {
        if (bytes.length == 0) return "文件为空";
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') return "文件内容不是 Excel 工作簿（.xlsx），请上传 .xlsx 文件";
        byte[] buffer = new byte[1 << 16];
        int parts = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (++parts > maxParts) return "工作簿包含的部件（工作表、图片等）超过 " + maxParts + " 个，超出允许范围";
                long size = 0;
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    size += n;
                    if (size > maxPartBytes) {
                        String name = e.getName().length() > 60 ? e.getName().substring(0, 60) + "…" : e.getName();
                        return "工作簿中的“" + name + "”解压后超过 " + maxPartBytes / 1024 / 1024
                                + " MB，超出允许范围（疑似超大工作表或“压缩炸弹”）";
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return "无法读取工作簿，文件可能已损坏（压缩包结构错误）";
        }
        return parts == 0 ? "无法读取工作簿，文件可能已损坏（压缩包中没有内容）" : null;
    }

    /** POI's (English) failure as a Chinese reason a user can act on. */
    public static String explain(Throwable e) {
        if (e instanceof OutOfMemoryError) return "工作簿过大，无法读取";
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) all.append(t.getMessage()).append(' ');
        String text = all.toString();
        if (text.contains("Zip bomb") || text.contains("zip bomb") || text.contains("exceeds the max")) {
            return "工作簿解压后的体积异常（压缩比过高，疑似“压缩炸弹”），出于安全原因已拒绝";
        }
        if (text.contains("DOCTYPE") || text.contains("DTD") || text.contains("ENTITY")) {
            return "工作簿内含 DOCTYPE/外部实体声明，出于安全原因已拒绝；请用 Excel 重新保存后上传";
        }
        return "不是有效的 Excel（.xlsx）文件：文件可能已损坏，或不是 Excel 2007 及以上版本保存的工作簿";
    }

    /** Dates as yyyy-MM-dd, numbers in plain decimal notation. */
    private static final class PlainFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value).toLocalDate().toString();
            }
            return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : String.valueOf(value);
        }
    }

    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final String file;
        private final Limits limits;
        private final RowVisitor visitor;
        private final List<String> cells = new ArrayList<>();
        private int row;

        Rows(String file, Limits limits, RowVisitor visitor) {
            this.file = file;
            this.limits = limits;
            this.visitor = visitor;
        }

        @Override
        public void startRow(int rowNum) {
            row = rowNum + 1;
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (cells.stream().anyMatch(c -> c != null && !c.isBlank())) visitor.row(row, cells.toArray(new String[0]));
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            if (value == null || value.isBlank()) return;
            int col = ref == null ? cells.size() : new CellReference(ref).getCol();
            if (row > limits.maxRows()) {
                throw new DataFileException(file, row, null, "超过 " + limits.maxRows() + " 行，超出允许范围");
            }
            if (col >= limits.maxColumns()) {
                throw new DataFileException(file, row, ref, "超过 " + limits.maxColumns() + " 列，超出允许范围");
            }
            if (value.length() > limits.maxCellChars()) {
                throw new DataFileException(file, row, ref, "单元格内容超过 " + limits.maxCellChars() + " 个字符");
            }
            while (cells.size() <= col) cells.add(null);
            cells.set(col, value.trim());
        }
    }
}
