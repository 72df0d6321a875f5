package cn.sanbao.projects.list;

import cn.sanbao.kernel.Pillar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import cn.sanbao.region.UnitKind;

/**
 * One item of the guarantee list (保障清单). {@code standard} is the regional standard in force from
 * January; when {@code changeMonth} is set, {@code standardAfter} applies from that month on.
 * Shares are the parts each level of government bears; they sum to 1.
 */
@org.springframework.modulith.NamedInterface("api")
public record GuaranteeItem(String code, String name, Pillar pillar, StandardBasis basis,
                            BigDecimal nationalStandard, BigDecimal standard, Integer changeMonth,
                            BigDecimal standardAfter, String scopeMeasure, BigDecimal shareCentral,
                            BigDecimal shareRegion, BigDecimal shareCity, BigDecimal shareCounty,
                            List<String> functionPrefixes, int effectiveYear, boolean sample) {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    public GuaranteeItem {
        functionPrefixes = List.copyOf(functionPrefixes);
        scopeMeasure = scopeMeasure == null ? "" : scopeMeasure;
    }

    /**
     * The share the unit's own budget bears. A county-level unit bears the county share. A city's own
     * level (市本级) and a functional zone have no county level beneath them for their own scope, so
     * they bear the city and the county share together.
     */
    public BigDecimal localShare(UnitKind kind) {
        return switch (kind) {
            case COUNTY -> shareCounty;
            case CITY_LEVEL, ZONE -> shareCity.add(shareCounty);
            case REGION, CITY -> throw new IllegalArgumentException("汇总单位不单独测算需求");
        };
    }

    /** Amount of one scope unit for the year, exact (mid-year changes weighted by months). */
    public BigDecimal annualStandard() {
        return annualTimesTwelve().divide(TWELVE, 6, RoundingMode.HALF_UP);
    }

    /**
     * Demand = annual standard × quantity × local share, rounded once, HALF_UP to 分. The annual
     * standard is kept as "× 12" so a mid-year change divides only at the very end.
     */
    public BigDecimal demand(BigDecimal quantity, BigDecimal localShare) {
        BigDecimal q = basis == StandardBasis.FIXED ? BigDecimal.ONE : quantity;
        return annualTimesTwelve().multiply(q).multiply(localShare).divide(TWELVE, 2, RoundingMode.HALF_UP);
    }

    private BigDecimal annualTimesTwelve() {
        if (changeMonth == null) return basis.forMonthsTimesTwelve(standard, 12);
        int before = changeMonth - 1;
        return basis.forMonthsTimesTwelve(standard, before).add(basis.forMonthsTimesTwelve(standardAfter, 12 - before));
    }

    public boolean allowsFunctionCode(String functionCode) {
        return functionCode != null && functionPrefixes.stream().anyMatch(functionCode::startsWith);
    }

    public String sharesText() {
        return "中央 " + shareCentral.stripTrailingZeros().toPlainString() + " / 自治区 " + shareRegion.stripTrailingZeros().toPlainString()
                + " / 市 " + shareCity.stripTrailingZeros().toPlainString() + " / 县 " + shareCounty.stripTrailingZeros().toPlainString();
    }
}
