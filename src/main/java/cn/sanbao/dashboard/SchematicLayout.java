package cn.sanbao.dashboard;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places one hexagon per budget unit on a schematic map (示意图), no boundary data needed. A unit with an
 * approximate seat position (lon/lat) asks for the hexagon under its seat; a unit without one asks for the
 * middle of its city's seated units; a city with no seat at all gets a place of its own on a grid beside the
 * rest. Units take the hexagon they ask for in the given order, or the free one nearest to it, so the same
 * tree always gives the same map. Coordinates: pointy-top hexagons of circumradius 1, y grows northwards.
 */
final class SchematicLayout {

    /** A unit to place: its group (city code, or null) and its seat, null when not known. */
    record Place(String code, String group, Seat seat) {
    }

    record Seat(double lon, double lat) {
    }

    /** Centre of a unit's hexagon. */
    record Point(double x, double y) {
    }

    private static final double SQRT3 = Math.sqrt(3);
    /** Seat bounding box area per unit, in hexagon areas: more spreads the seated units, fewer packs them. */
    private static final double AREA_PER_UNIT = 2.5;
    private static final int[][] DIRECTIONS = {{1, 0}, {1, -1}, {0, -1}, {-1, 0}, {-1, 1}, {0, 1}};

    private SchematicLayout() {
    }

    static Map<String, Point> of(List<Place> places) {
        Map<String, double[]> wanted = wanted(places);
        Set<Long> taken = new HashSet<>();
        Map<String, Point> out = new LinkedHashMap<>();
        for (Place p : places) {
            double[] w = wanted.get(p.code());
            int[] hex = nearestFree(w, taken);
            taken.add(key(hex[0], hex[1]));
            out.put(p.code(), new Point(round(SQRT3 * (hex[0] + hex[1] / 2.0)), round(1.5 * hex[1])));
        }
        return out;
    }

    /** Where each unit would like to be, in map coordinates. */
    private static Map<String, double[]> wanted(List<Place> places) {
        List<Place> seated = places.stream().filter(p -> p.seat() != null).toList();
        Map<String, double[]> out = new HashMap<>();
        double maxX = 0;
        if (!seated.isEmpty()) {
            double lat0 = seated.stream().mapToDouble(p -> p.seat().lat()).average().orElse(0);
            double cos = Math.cos(Math.toRadians(lat0));
            double minLon = seated.stream().mapToDouble(p -> p.seat().lon()).min().orElse(0);
            double maxLon = seated.stream().mapToDouble(p -> p.seat().lon()).max().orElse(0);
            double minLat = seated.stream().mapToDouble(p -> p.seat().lat()).min().orElse(0);
            double maxLat = seated.stream().mapToDouble(p -> p.seat().lat()).max().orElse(0);
            double area = Math.max((maxLon - minLon) * cos * (maxLat - minLat), 1e-9);
            double hexArea = 1.5 * SQRT3;
            double degreesPerUnit = Math.sqrt(area / (AREA_PER_UNIT * hexArea * places.size()));
            Map<String, double[]> sums = new HashMap<>();
            for (Place p : seated) {
                double x = (p.seat().lon() - minLon) * cos / degreesPerUnit, y = (p.seat().lat() - minLat) / degreesPerUnit;
                out.put(p.code(), new double[] {x, y});
                maxX = Math.max(maxX, x);
                double[] s = sums.computeIfAbsent(String.valueOf(p.group()), g -> new double[3]);
                s[0] += x;
                s[1] += y;
                s[2]++;
            }
            for (Place p : places) {
                double[] s = sums.get(String.valueOf(p.group()));
                if (p.seat() == null && s != null) out.put(p.code(), new double[] {s[0] / s[2], s[1] / s[2]});
            }
        }
        // groups with no seat at all: each a compact cluster on a grid, right of the seated units
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (Place p : places) if (!out.containsKey(p.code())) sizes.merge(String.valueOf(p.group()), 1, Integer::sum);
        if (sizes.isEmpty()) return out;
        int largest = sizes.values().stream().max(Comparator.naturalOrder()).orElse(1);
        int rings = 0;
        while (1 + 3 * rings * (rings + 1) < largest) rings++;
        double spacing = (2 * rings + 2) * SQRT3;
        int columns = (int) Math.ceil(Math.sqrt(sizes.size()));
        double x0 = seated.isEmpty() ? 0 : maxX + spacing;
        Map<String, double[]> centres = new HashMap<>();
        int i = 0;
        for (String group : sizes.keySet()) {
            centres.put(group, new double[] {x0 + (i % columns) * spacing, -(i / columns) * spacing});
            i++;
        }
        for (Place p : places) if (!out.containsKey(p.code())) out.put(p.code(), centres.get(String.valueOf(p.group())));
        return out;
    }

    /** The free hexagon nearest to the point: the one under it, else the nearest on the first ring that has a free one. */
    private static int[] nearestFree(double[] point, Set<Long> taken) {
        int[] centre = hexAt(point[0], point[1]);
        if (!taken.contains(key(centre[0], centre[1]))) return centre;
        for (int k = 1; ; k++) {
            int[] best = null;
            double bestDistance = Double.MAX_VALUE;
            int q = centre[0] + DIRECTIONS[4][0] * k, r = centre[1] + DIRECTIONS[4][1] * k;
            for (int[] d : DIRECTIONS) {
                for (int step = 0; step < k; step++) {
                    if (!taken.contains(key(q, r))) {
                        double dx = SQRT3 * (q + r / 2.0) - point[0], dy = 1.5 * r - point[1];
                        double distance = dx * dx + dy * dy;
                        if (distance < bestDistance - 1e-9) {
                            bestDistance = distance;
                            best = new int[] {q, r};
                        }
                    }
                    q += d[0];
                    r += d[1];
                }
            }
            if (best != null) return best;
        }
    }

    /** Axial coordinates of the hexagon containing the point (cube rounding). */
    private static int[] hexAt(double x, double y) {
        double r = y / 1.5, q = x / SQRT3 - r / 2, s = -q - r;
        long rq = Math.round(q), rr = Math.round(r), rs = Math.round(s);
        double dq = Math.abs(rq - q), dr = Math.abs(rr - r), ds = Math.abs(rs - s);
        if (dq > dr && dq > ds) rq = -rr - rs;
        else if (dr > ds) rr = -rq - rs;
        return new int[] {(int) rq, (int) rr};
    }

    private static long key(int q, int r) {
        return ((long) q << 32) ^ (r & 0xffffffffL);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
