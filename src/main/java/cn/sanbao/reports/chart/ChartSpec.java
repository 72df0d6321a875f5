package cn.sanbao.reports.chart;

import java.math.BigDecimal;
import java.util.List;

/**
 * One chart, described once: the screen draws it from {@link EChartsOption}, the files from {@link ChartImage}.
 * {@code stacked} stacks the bar series; a series' {@code pointColours} (optional) colours each category.
 */
public record ChartSpec(String id, String title, List<String> categories, List<Series> series, String yName,
                        BigDecimal yMin, BigDecimal yMax, boolean stacked) {

    public enum Kind { BAR, LINE }

    public record Series(String name, Kind kind, List<BigDecimal> values, String colour, List<String> pointColours,
                         boolean dashed, boolean labels, String labelSuffix) {

        public static Series bar(String name, List<BigDecimal> values, String colour) {
            return new Series(name, Kind.BAR, values, colour, null, false, false, "");
        }

        public static Series line(String name, List<BigDecimal> values, String colour) {
            return new Series(name, Kind.LINE, values, colour, null, false, false, "");
        }

        public Series withPointColours(List<String> colours) {
            return new Series(name, kind, values, colour, colours, dashed, labels, labelSuffix);
        }

        public Series asDashed() {
            return new Series(name, kind, values, colour, pointColours, true, labels, labelSuffix);
        }

        public Series labelled(String suffix) {
            return new Series(name, kind, values, colour, pointColours, dashed, true, suffix);
        }
    }
}
