package cn.sanbao.projects;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.stereotype.Component;
import cn.sanbao.projects.demand.ScopeMeasures;
import cn.sanbao.kernel.Money;

/** Formatting helpers for the project screens ({@code @pj} in templates). */
@Component("pj")
public class ProjectsFormats {

    public String wan(BigDecimal yuan) {
        return Money.wan(yuan);
    }

    public String yuan(BigDecimal yuan) {
        return Money.yuan(yuan);
    }

    public String percent(BigDecimal share) {
        return share == null ? "—" : share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    public String plain(BigDecimal v) {
        return v == null ? "" : v.stripTrailingZeros().toPlainString();
    }

    public String measure(String code) {
        return code == null || code.isEmpty() ? "—" : ScopeMeasures.name(code);
    }
}
