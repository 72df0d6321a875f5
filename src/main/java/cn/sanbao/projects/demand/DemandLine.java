package cn.sanbao.projects.demand;

import java.math.BigDecimal;
import cn.sanbao.kernel.Pillar;

/** One item of one unit: annual standard × quantity × local share = amount (元, 2 places). */
public record DemandLine(String unitCode, String itemCode, Pillar pillar, BigDecimal annualStandard,
                         BigDecimal quantity, BigDecimal localShare, BigDecimal amount) {
}
