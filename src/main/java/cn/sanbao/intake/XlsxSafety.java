package cn.sanbao.intake;

import cn.sanbao.shared.table.SheetStream;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/** Limits and checks shared by every workbook we open, and the Chinese explanation of a refused one. */
final class XlsxSafety {

    /** An uncompressed part larger than this is refused (the biggest legitimate sheet is far smaller). */
    static final long MAX_ENTRY_BYTES = 1L << 30;

    private XlsxSafety() {
    }

    static void apply() {
        // a part that inflates more than 100× its compressed size is treated as a zip bomb (POI default 1/100)
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    /** Refuses content that is not a zip container before POI sees it, with a message a user can act on. */
    static void requireXlsx(String fileName, byte[] bytes) {
        if (bytes.length == 0) throw IntakeRejectedException.of(fileName, null, "文件为空");
        if (bytes.length >= 4 && (bytes[0] & 0xff) == 0xD0 && (bytes[1] & 0xff) == 0xCF && (bytes[2] & 0xff) == 0x11) {
            throw IntakeRejectedException.of(fileName, null,
                    "文件是旧版 Excel 97-2003（.xls）格式或已加密，请在 Excel 中“另存为” .xlsx 工作簿后再上传");
        }
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
            throw IntakeRejectedException.of(fileName, null,
                    "文件扩展名为 .xlsx，但内容不是 Excel 工作簿（可能是改了扩展名的其他文件），请上传由模板填写的 .xlsx 或 .csv 文件");
        }
    }

    /** Every part inflated and counted before POI opens the workbook ({@link SheetStream#partsProblem}). */
    static void requireSmallParts(String fileName, byte[] bytes, int maxParts, long maxPartBytes) {
        String problem = SheetStream.partsProblem(bytes, maxParts, maxPartBytes);
        if (problem != null) throw IntakeRejectedException.of(fileName, null, problem);
    }

    static IntakeRejectedException explain(String fileName, Throwable e) {
        if (e instanceof IntakeRejectedException r) return r;
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof IntakeRejectedException r) return r;
        return IntakeRejectedException.of(fileName, null, SheetStream.explain(e));
    }
}
