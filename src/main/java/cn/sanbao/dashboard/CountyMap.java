package cn.sanbao.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import cn.sanbao.dashboard.CountyMapData.Cell;
import cn.sanbao.dashboard.CountyMapData.City;
import cn.sanbao.dashboard.SchematicLayout.Place;
import cn.sanbao.dashboard.SchematicLayout.Point;
import cn.sanbao.dashboard.SchematicLayout.Seat;
import cn.sanbao.kernel.Period;
import cn.sanbao.monitoring.UnitRanking;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.region.UnitKind;
import cn.sanbao.shared.CsvFile;
import cn.sanbao.shared.Problems;

/**
 * The county map of the dashboard: budget units on a schematic hexagon grid ({@link SchematicLayout}), placed by
 * the approximate seat positions of {@code sanbao.region.seats} (units missing there are placed by their city).
 * The tree is fixed after start-up, so the layout is computed once; each request only joins it with the
 * period's cached ranking and the caller's scope.
 */
@Service
public class CountyMap {

    static final List<String> SEAT_COLUMNS = List.of("code", "lon", "lat");

    private final DashboardService dashboard;
    private final RegionTree regions;
    private final Resource seatFile;
    private volatile Map<String, Point> layout;

    public CountyMap(DashboardService dashboard, RegionTree regions,
                     @Value("${sanbao.region.seats:classpath:region/ningxia-2021-seats.csv}") Resource seatFile) {
        this.dashboard = dashboard;
        this.regions = regions;
        this.seatFile = seatFile;
    }

    /** The map of the period as seen by a caller who may see {@code visible}; {@code seesAll} for analysts and leaders. */
    public CountyMapData build(Period period, Predicate<String> visible, boolean seesAll) {
        DashboardService.PeriodRanking ranking = dashboard.periodRanking(period);
        Map<String, UnitRanking> byCode = new HashMap<>();
        for (UnitRanking r : ranking.rows()) byCode.put(r.unitCode(), r);
        Map<String, Point> places = layout();
        String missing = ranking.grades().get(ranking.grades().size() - 1).name();
        List<Cell> cells = new ArrayList<>();
        List<double[]> others = new ArrayList<>();
        String focusCity = null;
        for (Map.Entry<String, Point> e : places.entrySet()) {
            Point p = e.getValue();
            if (!visible.test(e.getKey())) {
                others.add(new double[] {p.x(), p.y()});
                continue;
            }
            FiscalUnit unit = regions.require(e.getKey());
            String city = regions.cityOf(unit.code()).map(FiscalUnit::code).orElse(null);
            if (focusCity == null) focusCity = city;
            UnitRanking r = byCode.get(unit.code());
            cells.add(new Cell(unit.code(), unit.name(), city, p.x(), p.y(), r == null ? null : r.grade(),
                    r == null ? missing : r.gradeName(), r == null ? null : r.total()));
        }
        List<City> cities = new ArrayList<>();
        for (FiscalUnit u : regions.all()) {
            if (u.kind() != UnitKind.CITY || !visible.test(u.code())) continue;
            UnitRanking r = byCode.get(u.code());
            cities.add(new City(u.code(), u.name(), r == null ? null : r.grade(),
                    r == null ? missing : r.gradeName(), r == null ? null : r.total()));
        }
        return new CountyMapData(period.code(), period.label(), ranking.grades(), cells, others, cities,
                seesAll || focusCity == null ? null : box(focusCity, places), !seesAll);
    }

    /** Bounding box of the hexagon centres of a city's budget units (visible or not). */
    private double[] box(String city, Map<String, Point> places) {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (FiscalUnit u : regions.members(city)) {
            Point p = places.get(u.code());
            if (p == null) continue;
            box[0] = Math.min(box[0], p.x());
            box[1] = Math.min(box[1], p.y());
            box[2] = Math.max(box[2], p.x());
            box[3] = Math.max(box[3], p.y());
        }
        return box;
    }

    /** Places of every budget unit, in tree order; computed on first use. */
    Map<String, Point> layout() {
        Map<String, Point> l = layout;
        if (l == null) {
            Map<String, Seat> seats = seats();
            List<Place> places = new ArrayList<>();
            for (FiscalUnit u : regions.budgetUnits())
                places.add(new Place(u.code(), regions.cityOf(u.code()).map(FiscalUnit::code).orElse(null), seats.get(u.code())));
            layout = l = SchematicLayout.of(places);
        }
        return l;
    }

    /** Seat positions by unit code; a missing file means no seats (every unit is placed by its city). */
    private Map<String, Seat> seats() {
        Map<String, Seat> out = new HashMap<>();
        if (!seatFile.exists()) return out;
        CsvFile csv;
        try {
            csv = CsvFile.read(seatFile.getFilename(), seatFile.getInputStream(), SEAT_COLUMNS);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取驻地坐标文件 " + seatFile.getDescription(), e);
        }
        Problems problems = new Problems(seatFile.getFilename());
        for (CsvFile.Row row : csv.rows()) {
            String code = problems.required(row, "code", 32);
            Double lon = coordinate(row, "lon", 180, problems), lat = coordinate(row, "lat", 90, problems);
            if (!code.isEmpty() && lon != null && lat != null) out.put(code, new Seat(lon, lat));
        }
        problems.throwIfAny();
        return out;
    }

    private static Double coordinate(CsvFile.Row row, String column, double limit, Problems problems) {
        String v = row.get(column);
        try {
            double d = Double.parseDouble(v);
            if (Math.abs(d) <= limit) return d;
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(row.line(), column, "应为 -" + (int) limit + " 到 " + (int) limit + " 之间的度数，实际为“" + v + "”");
        return null;
    }
}
