package cn.sanbao.engine;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

/** How an indicator's value becomes a share of its weight (0..1) and, optionally, a level. */
public sealed interface Scoring {

    /** Every band this scoring can give, e.g. to know the levels a decision table may count. */
    default List<Band> allBands() {
        return List.of();
    }

    /** One band: values in the interval earn {@code share} of the weight and the optional level. */
    record Band(Interval interval, BigDecimal share, String level, String label) {
    }

    /** Banded scoring: the value's band decides. */
    record Bands(List<Band> bands) implements Scoring {
        @Override public List<Band> allBands() {
            return bands;
        }

        public Band find(BigDecimal value) {
            for (Band b : bands) if (b.interval().contains(value)) return b;
            return null;
        }
    }

    /**
     * Band sets chosen by a unit attribute ({@code bandsBy: kind}): a 县 is banded by the 县 set, a 区 by
     * the 区 set. A unit whose value has no set cannot be scored on this indicator.
     */
    record ByAttribute(String attribute, Map<String, Bands> sets) implements Scoring {
        @Override public List<Band> allBands() {
            return sets.values().stream().flatMap(b -> b.bands().stream()).toList();
        }
    }

    /** A point of a piecewise-linear curve: at value x the share is y. */
    record Point(BigDecimal x, BigDecimal share) {
    }

    /** Linear interpolation between points sorted by x; flat beyond the first and last point. */
    record Linear(List<Point> points) implements Scoring {
        public BigDecimal share(BigDecimal v) {
            Point first = points.get(0);
            Point last = points.get(points.size() - 1);
            if (v.compareTo(first.x()) <= 0) return first.share();
            if (v.compareTo(last.x()) >= 0) return last.share();
            for (int i = 1; i < points.size(); i++) {
                Point a = points.get(i - 1);
                Point b = points.get(i);
                if (v.compareTo(b.x()) <= 0) {
                    BigDecimal t = v.subtract(a.x()).divide(b.x().subtract(a.x()), MathContext.DECIMAL64);
                    return a.share().add(b.share().subtract(a.share()).multiply(t, MathContext.DECIMAL64));
                }
            }
            return last.share();
        }
    }
}
