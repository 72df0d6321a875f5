package cn.sanbao.intake;

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

    static IntakeRejectedException explain(String fileName, Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return IntakeRejectedException.of(fileName, null, "工作簿过大，无法读取");
        }
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) all.append(t.getMessage()).append(' ');
        String text = all.toString();
        if (text.contains("Zip bomb") || text.contains("zip bomb") || text.contains("exceeds the max")) {
            return IntakeRejectedException.of(fileName, null,
                    "工作簿解压后的体积异常（压缩比过高，疑似“压缩炸弹”），出于安全原因已拒绝");
        }
        if (text.contains("DOCTYPE") || text.contains("DTD") || text.contains("ENTITY")) {
            return IntakeRejectedException.of(fileName, null,
                    "工作簿内含 DOCTYPE/外部实体声明，出于安全原因已拒绝；请用 Excel 重新保存后上传");
        }
        return IntakeRejectedException.of(fileName, null, "无法读取工作簿，文件可能已损坏：" + e.getClass().getSimpleName());
    }
}
