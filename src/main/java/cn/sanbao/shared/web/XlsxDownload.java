package cn.sanbao.shared.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import cn.sanbao.shared.table.ExcelTables;
import cn.sanbao.shared.table.Table;

/** A table (or several) as an .xlsx download with a UTF-8 file name. */
public final class XlsxDownload {

    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private XlsxDownload() {
    }

    public static ResponseEntity<byte[]> of(Table table, String fileName) {
        return of(List.of(table), fileName);
    }

    public static ResponseEntity<byte[]> of(List<Table> tables, String fileName) {
        return bytes(ExcelTables.write(tables), fileName);
    }

    public static ResponseEntity<byte[]> bytes(byte[] xlsx, String fileName) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName.replaceAll("[\\\\/:*?\"<>|\\r\\n]", "_"), StandardCharsets.UTF_8).build().toString())
                .contentType(XLSX).body(xlsx);
    }
}
