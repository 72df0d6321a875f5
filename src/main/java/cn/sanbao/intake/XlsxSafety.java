package cn.sanbao.intake;

import cn.sanbao.shared.Decimals;
import org.apache.poi.openxml4j.util.ZipSecureFile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

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

    /**
     * Inflates every part once, counting, before POI opens the workbook: a template-sized upload may hold at
     * most maxParts parts of at most maxPartBytes each. Refuses a 7 MB file whose sheet inflates to 95 MB in
     * well under a second instead of letting POI build it in memory.
     */
    static void requireSmallParts(String fileName, byte[] bytes, int maxParts, long maxPartBytes) {
        byte[] buffer = new byte[1 << 16];
        int parts = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (++parts > maxParts) {
                    throw IntakeRejectedException.of(fileName, null, "工作簿包含的部件（工作表、图片等）超过 " + maxParts
                            + " 个，不是报送模板；请使用系统下载的模板，只保留模板中的工作表");
                }
                long size = 0;
                for (int n; (n = zip.read(buffer)) > 0; ) {
                    size += n;
                    if (size > maxPartBytes) {
                        throw IntakeRejectedException.of(fileName, null, "工作簿中的“" + Decimals.quote(e.getName())
                                + "”解压后超过 " + maxPartBytes / 1024 / 1024 + " MB，远大于报送模板，已拒绝（疑似超大工作表或“压缩炸弹”）");
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw IntakeRejectedException.of(fileName, null, "无法读取工作簿，文件可能已损坏（压缩包结构错误）");
        }
        if (parts == 0) throw IntakeRejectedException.of(fileName, null, "无法读取工作簿，文件可能已损坏（压缩包中没有内容）");
    }

    static IntakeRejectedException explain(String fileName, Throwable e) {
        if (e instanceof IntakeRejectedException r) return r;
        if (e.getCause() instanceof IntakeRejectedException r) return r;
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
        return IntakeRejectedException.of(fileName, null, "无法读取工作簿：文件可能已损坏，或不是 Excel 2007 及以上版本保存的 .xlsx 工作簿");
    }
}
