package cn.sanbao.shared;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The CJK font file documents embed (letters, reports): the configured file, else the first Noto CJK font
 * found in the usual Linux locations. Without one, Chinese text cannot be printed, so the lookup fails
 * with a message that says what to install.
 */
public final class CjkFont {

    public static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/noto-cjk/NotoSerifCJK-Regular.ttc",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc");

    /** In a Noto CJK collection the faces are JP, KR, SC, TC, HK: index 2 draws simplified Chinese shapes. */
    private static final int SIMPLIFIED_CHINESE_FACE = 2;

    private CjkFont() {
    }

    /** The font file to embed; {@code property} names the setting that overrides it (for the error message). */
    public static String file(String configured, String property) {
        return file(configured, property, CANDIDATES);
    }

    public static String file(String configured, String property, List<String> candidates) {
        List<String> tried = new ArrayList<>();
        if (configured != null && !configured.isBlank()) tried.add(configured);
        tried.addAll(candidates);
        for (String f : tried) if (new File(f).isFile()) return f;
        throw new IllegalStateException("生成文档需要中文字体，但未找到（已查找：" + String.join("、", tried)
                + "）。请安装 fonts-noto-cjk 软件包（Debian/Ubuntu：apt-get install fonts-noto-cjk），"
                + "或用 " + property + " 指定 .ttf/.ttc 字体文件");
    }

    /** The file as OpenPDF names it: a face of a .ttc collection is addressed as "file.ttc,index". */
    public static String pdfSpec(String file) {
        return file.endsWith(".ttc") ? file + "," + SIMPLIFIED_CHINESE_FACE : file;
    }

    /** The same face for Java2D drawing (charts), at size 12. */
    public static Font awtFont(String file) {
        try {
            Font[] faces = Font.createFonts(new File(file));
            Font face = faces.length > SIMPLIFIED_CHINESE_FACE && file.endsWith(".ttc") ? faces[SIMPLIFIED_CHINESE_FACE] : faces[0];
            return face.deriveFont(12f);
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("无法读取中文字体 " + file + "：" + e.getMessage(), e);
        }
    }
}
