package cn.sanbao.reports.format;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import cn.sanbao.shared.CjkFont;

/** The CJK font the report files embed and the charts are drawn with (sanbao.reports.font, else Noto CJK). */
@Component
public class ReportFonts {

    private final String configured;
    private volatile java.awt.Font awt;

    public ReportFonts(@Value("${sanbao.reports.font:}") String configured) {
        this.configured = configured;
    }

    public String file() {
        return CjkFont.file(configured, "sanbao.reports.font");
    }

    public java.awt.Font awt() {
        if (awt == null) awt = CjkFont.awtFont(file());
        return awt;
    }
}
