package cn.sanbao.reports.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ECharts option of a chart, laid out like the dashboard and unit-page charts (no animation, axis tooltip). */
public final class EChartsOption {

    private EChartsOption() {
    }

    public static Map<String, Object> of(ChartSpec c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("animation", false);
        o.put("title", Map.of("text", c.title(), "left", "center", "textStyle", Map.of("fontSize", 14)));
        o.put("tooltip", Map.of("trigger", "axis"));
        if (c.series().size() > 1) o.put("legend", Map.of("top", 24));
        o.put("grid", Map.of("left", 48, "right", 16, "top", c.series().size() > 1 ? 60 : 40, "bottom", 40));
        o.put("xAxis", Map.of("type", "category", "data", c.categories(), "axisLabel", Map.of("interval", 0, "fontSize", 11)));
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("type", "value");
        if (c.yName() != null) y.put("name", c.yName());
        if (c.yMin() != null) y.put("min", c.yMin());
        if (c.yMax() != null) y.put("max", c.yMax());
        o.put("yAxis", y);
        List<Map<String, Object>> series = new ArrayList<>();
        for (ChartSpec.Series s : c.series()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("type", s.kind() == ChartSpec.Kind.BAR ? "bar" : "line");
            if (c.stacked() && s.kind() == ChartSpec.Kind.BAR) m.put("stack", "total");
            if (s.kind() == ChartSpec.Kind.LINE) {
                m.put("symbolSize", 8);
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("color", s.colour());
                if (s.dashed()) line.put("type", "dashed");
                m.put("lineStyle", line);
            }
            m.put("itemStyle", Map.of("color", s.colour()));
            if (s.labels()) m.put("label", Map.of("show", true, "position", "top", "formatter", "{c}" + s.labelSuffix()));
            List<Object> data = new ArrayList<>();
            for (int i = 0; i < s.values().size(); i++) {
                Object v = s.values().get(i);
                if (s.pointColours() != null) data.add(Map.of("value", v == null ? "-" : v, "itemStyle", Map.of("color", s.pointColours().get(i))));
                else data.add(v == null ? "-" : v);
            }
            m.put("data", data);
            series.add(m);
        }
        o.put("series", series);
        return o;
    }
}
