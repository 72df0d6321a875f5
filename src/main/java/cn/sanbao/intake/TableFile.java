package cn.sanbao.intake;

/**
 * Reads an uploaded .xlsx or .csv table for another module (e.g. 库款日报) with the same guards as the template
 * upload: size checked before reading, xlsx streamed, and rows, columns and cell length bounded while reading.
 * The sheet read is the one named 数据, or else the first.
 */
public final class TableFile {

    public static final int MAX_BYTES = FileImportService.MAX_TEMPLATE_BYTES;
    public static final int MAX_ROWS = TemplateLayout.MAX_ROWS;
    public static final int MAX_CELL_CHARS = TemplateLayout.MAX_CELL_CHARS;

    private TableFile() {
    }

    /** The upload's bytes, refused by its declared size before anything is read into memory. */
    public static byte[] bytes(org.springframework.web.multipart.MultipartFile file) throws java.io.IOException {
        if (file.getSize() > MAX_BYTES) {
            throw IntakeRejectedException.of(file.getOriginalFilename(), null, "文件超过 " + MAX_BYTES / 1024 / 1024 + " MB");
        }
        return file.getBytes();
    }

    /** @throws IntakeRejectedException naming the file (and the cell) when the file is not a bounded table */
    public static Grid read(String fileName, byte[] bytes) {
        String name = fileName == null || fileName.isBlank() ? "上传文件" : fileName;
        if (bytes.length > MAX_BYTES) {
            throw IntakeRejectedException.of(name, null, "文件超过 " + MAX_BYTES / 1024 / 1024 + " MB");
        }
        return FileImportService.read(name, bytes);
    }
}
