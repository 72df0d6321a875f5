package cn.sanbao.projects.list;

import java.math.BigDecimal;

/** How a standard is expressed; the months factor turns it into an amount per scope unit per year. */
@org.springframework.modulith.NamedInterface("api")
public enum StandardBasis {
    PER_PERSON_YEAR("每人（每个对象）每年", 12),
    PER_PERSON_MONTH("每人（每个对象）每月", 1),
    /** A fixed amount per unit per year: no scope measure, quantity 1. */
    FIXED("每单位每年定额", 12);

    private final String label;
    private final int monthsPerStandard;

    StandardBasis(String label, int monthsPerStandard) {
        this.label = label;
        this.monthsPerStandard = monthsPerStandard;
    }

    public String label() { return label; }

    /**
     * Amount for {@code months} months of one scope unit, unrounded. A yearly standard covers twelve
     * months, so months of it are standard × months / 12; a monthly standard is standard × months.
     */
    BigDecimal forMonthsTimesTwelve(BigDecimal standard, int months) {
        // returns (amount × 12) to keep the arithmetic exact until the single final division
        return standard.multiply(BigDecimal.valueOf((long) months * 12 / monthsPerStandard));
    }

    public static StandardBasis parse(String text) {
        for (StandardBasis b : values()) if (b.name().equalsIgnoreCase(text) || b.label.equals(text)) return b;
        return null;
    }
}
