package cn.sanbao.engine;

import cn.sanbao.kernel.Money;
import java.math.BigDecimal;

/**
 * Says a band the way an official reads it: {@code [0.92, 1)} of a percentage → 「≥ 92% 且 < 100%」,
 * {@code [1.5, +inf)} of a multiple → 「≥ 1.5 倍」, {@code [0, 0]} → 「= 0%」. Edges are shown in the
 * indicator's own unit: percent, 倍 (multiple), 万元 (money in 元) or a plain number.
 */
public final class PlainBand {

    private PlainBand() {
    }

    public static String text(Interval band, String format) {
        if (band == null) return null;
        if (band.lower() != null && band.upper() != null && band.lower().compareTo(band.upper()) == 0)
            return "= " + edge(band.lower(), format);
        String low = band.lower() == null ? null : (band.lowerInclusive() ? "≥ " : "> ") + edge(band.lower(), format);
        String high = band.upper() == null ? null : (band.upperInclusive() ? "≤ " : "< ") + edge(band.upper(), format);
        if (low == null && high == null) return "任意值";
        if (low == null) return high;
        if (high == null) return low;
        return low + " 且 " + high;
    }

    /** Parses the band as the model writes it; text that is not a band is returned unchanged. */
    public static String text(String band, String format) {
        if (band == null) return null;
        try {
            return text(Interval.parse(band), format);
        } catch (IllegalArgumentException notABand) {
            return band;
        }
    }

    /** One edge in the indicator's unit, with no more decimals than it has. */
    public static String edge(BigDecimal v, String format) {
        if (format == null) format = "number";
        return switch (format) {
            case "percent" -> plain(v.movePointRight(2)) + "%";
            case "multiple" -> plain(v) + " 倍";
            case "money" -> plain(Money.exactWan(v)) + " " + Money.WAN_UNIT;
            default -> plain(v);
        };
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
