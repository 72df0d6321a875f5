package cn.sanbao.dashboard;

import java.math.BigDecimal;
import java.util.List;
import cn.sanbao.dashboard.DashboardData.GradeInfo;

/**
 * The schematic county map (县级示意图) of a month or week: one hexagon per budget unit the caller may see, with
 * its grade; {@code others} are the places of the units outside the caller's scope, without name or grade, so a
 * county user sees its own unit within the province's shape. {@code focus} is the box [x1, y1, x2, y2] the map
 * opens on: the caller's city for a city or county user, null (the whole region) otherwise.
 */
public record CountyMapData(String period, String periodLabel, List<GradeInfo> grades, List<Cell> cells,
                            List<double[]> others, List<City> cities, double[] focus, boolean ownHighlighted) {

    /** A budget unit: its city (null for units directly under the region), place and grade (null: 数据缺失). */
    public record Cell(String code, String name, String city, double x, double y, String grade, String gradeName,
                       BigDecimal total) {
    }

    /** A city the caller may see, with its consolidated grade, for the city picker and the city labels. */
    public record City(String code, String name, String grade, String gradeName, BigDecimal total) {
    }
}
