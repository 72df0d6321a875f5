package cn.sanbao.warnings;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import cn.sanbao.warnings.letter.LetterService;

/** File responses with UTF-8 file names (Chinese names survive in every browser). */
final class WarningsDownloads {

    private WarningsDownloads() {
    }

    static ResponseEntity<byte[]> docx(LetterService letters, long warningId, String actor) {
        String name = letters.letter(warningId).fileBaseName() + ".docx";
        return file(letters.docx(warningId, actor), name,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    static ResponseEntity<byte[]> pdf(LetterService letters, long warningId, String actor) {
        String name = letters.letter(warningId).fileBaseName() + ".pdf";
        return file(letters.pdf(warningId, actor), name, MediaType.APPLICATION_PDF_VALUE);
    }

    static ResponseEntity<byte[]> file(byte[] bytes, String name, String type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(type)).body(bytes);
    }
}
