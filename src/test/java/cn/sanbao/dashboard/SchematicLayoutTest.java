package cn.sanbao.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import cn.sanbao.dashboard.SchematicLayout.Place;
import cn.sanbao.dashboard.SchematicLayout.Point;
import cn.sanbao.dashboard.SchematicLayout.Seat;

/** The schematic county map: one hexagon each, north stays north, synthetic cities stay together. */
class SchematicLayoutTest {

    static Place seated(String code, String city, double lon, double lat) {
        return new Place(code, city, new Seat(lon, lat));
    }

    @Test
    void seatedUnitsKeepTheirCompassBearingsAndNeverShareAHexagon() {
        List<Place> places = List.of(seated("dawukou", "szs", 106.37, 39.02), seated("huinong", "szs", 106.78, 39.24),
                seated("jinfeng", "yc", 106.24, 38.47), seated("xingqing", "yc", 106.29, 38.47), seated("xixia", "yc", 106.16, 38.49),
                new Place("yc-city", "yc", null), seated("xiji", "gy", 105.73, 35.96), seated("pengyang", "gy", 106.64, 35.85),
                seated("yanchi", "wz", 107.41, 37.78), seated("shapotou", "zw", 105.19, 37.51));
        Map<String, Point> map = SchematicLayout.of(places);
        assertThat(map).hasSize(places.size());
        assertThat(new HashSet<>(map.values())).hasSize(places.size());
        assertThat(map.get("huinong").y()).isGreaterThan(map.get("xiji").y());
        assertThat(map.get("dawukou").y()).isGreaterThan(map.get("jinfeng").y());
        assertThat(map.get("xiji").x()).isLessThan(map.get("pengyang").x());
        assertThat(map.get("shapotou").x()).isLessThan(map.get("yanchi").x());
        // three districts of one city crowd one point: they take neighbouring hexagons, not far-away ones
        for (String d : List.of("xingqing", "xixia", "yc-city"))
            assertThat(distance(map.get(d), map.get("jinfeng"))).isLessThan(2 * Math.sqrt(3) + 0.01);
        assertThat(SchematicLayout.of(places)).isEqualTo(map);
    }

    @Test
    void aProvinceWithoutSeatsGetsOneCompactClusterPerCity() {
        List<Place> places = new ArrayList<>();
        for (int i = 0; i < 3000; i++) places.add(new Place(String.format("S%06d", i + 1), "C" + (i % 30), null));
        Map<String, Point> map = SchematicLayout.of(places);
        Set<Point> distinct = new HashSet<>(map.values());
        assertThat(distinct).hasSize(3000);
        // 100 units fill six rings around the city's centre: none is further than 7 hexagons away
        for (int c = 0; c < 30; c++) {
            String city = "C" + c;
            List<Point> members = places.stream().filter(p -> p.group().equals(city)).map(p -> map.get(p.code())).toList();
            Point first = members.get(0);
            assertThat(members).allSatisfy(p -> assertThat(distance(p, first)).isLessThan(7 * Math.sqrt(3)));
        }
        // any two units of different cities are further apart than neighbours
        Point a = map.get("S000001"), b = map.get("S000002");
        assertThat(distance(a, b)).isGreaterThan(Math.sqrt(3) + 0.01);
    }

    static double distance(Point a, Point b) {
        return Math.hypot(a.x() - b.x(), a.y() - b.y());
    }
}
