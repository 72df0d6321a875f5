package cn.sanbao.region;

import cn.sanbao.shared.CsvFile;
import cn.sanbao.shared.DataFileException;
import cn.sanbao.shared.Problems;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and checks a region tree CSV (code,name,kind,parent_code,gb2260,sort_order). The tree is
 * province-specific data, so every structural rule the rest of the system relies on is checked here.
 */
public final class RegionTreeFile {

    public static final List<String> COLUMNS = List.of("code", "name", "kind", "parent_code", "gb2260", "sort_order");

    private RegionTreeFile() {}

    public static List<FiscalUnit> read(Resource resource) {
        try {
            return parse(resource.getFilename(), resource.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取行政区划文件 " + resource.getDescription(), e);
        }
    }

    /** Returns units in file order; throws {@link DataFileException} listing every problem found. */
    public static List<FiscalUnit> parse(String fileName, InputStream in) {
        CsvFile csv = CsvFile.read(fileName, in, COLUMNS);
        Problems problems = new Problems(fileName);
        Map<String, FiscalUnit> units = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();

        for (CsvFile.Row row : csv.rows()) {
            String code = problems.required(row, "code", 32);
            String name = problems.required(row, "name", 100);
            UnitKind kind = problems.enumValue(row, "kind", UnitKind.class, "单位类型");
            String parent = row.get("parent_code");
            Boolean gb = problems.bool(row, "gb2260");
            Integer sort = sortOrder(row, problems);
            if (!code.isEmpty() && lines.containsKey(code)) {
                problems.add(row.line(), "code", "单位代码“" + code + "”重复（第" + lines.get(code) + "行已定义）");
                continue;
            }
            if (code.isEmpty()) continue;
            lines.put(code, row.line());
            if (name.isEmpty() || kind == null || gb == null || sort == null) continue;
            units.put(code, new FiscalUnit(code, name, kind, parent.isEmpty() ? null : parent, gb, sort));
        }
        checkStructure(units, lines, problems);
        if (csv.rows().isEmpty()) problems.add(0, null, "文件中没有任何单位");
        problems.throwIfAny();
        return List.copyOf(units.values());
    }

    /**
     * Named attributes per unit, which model formulas read as {@code unit.类别} and {@code bandsBy} chooses
     * band sets by: every column of the file beyond {@link #COLUMNS} (e.g. 类别, 民族地区), empty cells left out.
     */
    public static Map<String, Map<String, String>> attributes(String fileName, InputStream in) {
        return attributes(CsvFile.read(fileName, in, List.of("code")), Set.copyOf(COLUMNS));
    }

    /** Attributes from the columns of {@code csv} that are not {@code structural}, by unit code. */
    public static Map<String, Map<String, String>> attributes(CsvFile csv, Set<String> structural) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (CsvFile.Row row : csv.rows()) {
            Map<String, String> a = new java.util.TreeMap<>();
            row.cells().forEach((k, v) -> {
                if (!structural.contains(k) && !k.isBlank() && v != null && !v.isBlank()) a.put(k, v.trim());
            });
            out.putIfAbsent(row.get("code"), java.util.Collections.unmodifiableMap(a));
        }
        return out;
    }

    private static Integer sortOrder(CsvFile.Row row, Problems problems) {
        String v = row.get("sort_order");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            problems.add(row.line(), "sort_order", "应为整数，实际为“" + v + "”");
            return null;
        }
    }

    private static void checkStructure(Map<String, FiscalUnit> units, Map<String, Integer> lines, Problems problems) {
        List<FiscalUnit> roots = new ArrayList<>();
        for (FiscalUnit u : units.values()) {
            int line = lines.get(u.code());
            if (u.parentCode() == null) {
                roots.add(u);
                if (u.kind() != UnitKind.REGION) problems.add(line, "kind", "根节点必须是 REGION（省级汇总）");
                continue;
            }
            if (u.parentCode().equals(u.code())) {
                problems.add(line, "parent_code", "上级单位不能是自己");
                continue;
            }
            if (!lines.containsKey(u.parentCode())) {
                problems.add(line, "parent_code", "上级单位“" + u.parentCode() + "”在文件中未定义");
                continue;
            }
            FiscalUnit parent = units.get(u.parentCode());
            if (parent == null) continue; // the parent's own line already has a problem
            if (!parent.isConsolidated()) {
                // budget units own data; a child below one would never be summed anywhere
                problems.add(line, "parent_code", "上级单位“" + parent.code() + "”是预算单位（"
                        + parent.kind().label() + "），不能有下级单位");
            } else if (u.kind() == UnitKind.REGION) {
                problems.add(line, "kind", "REGION 只能是根节点");
            } else if (u.kind() == UnitKind.CITY_LEVEL && parent.kind() != UnitKind.CITY) {
                problems.add(line, "kind", "市本级必须挂在 CITY（市级汇总）下");
            } else if (u.kind() == UnitKind.CITY && parent.kind() != UnitKind.REGION) {
                problems.add(line, "kind", "CITY 必须挂在 REGION 下");
            }
        }
        if (roots.size() > 1) {
            for (FiscalUnit r : roots.subList(1, roots.size())) {
                problems.add(lines.get(r.code()), "parent_code", "只能有一个根节点（第"
                        + lines.get(roots.get(0).code()) + "行“" + roots.get(0).code() + "”已是根节点），此行缺少上级单位");
            }
        }
        checkCycles(units, lines, problems);
        if (roots.isEmpty() && !units.isEmpty()) problems.add(0, null, "没有根节点（parent_code 为空的单位）");
    }

    /** Follows parent links from every unit; each cycle is reported once, on its first line in the file. */
    private static void checkCycles(Map<String, FiscalUnit> units, Map<String, Integer> lines, Problems problems) {
        Set<String> reported = new HashSet<>();
        for (FiscalUnit start : units.values()) {
            List<String> path = new ArrayList<>();
            String code = start.code();
            while (code != null && units.containsKey(code) && !path.contains(code)) {
                path.add(code);
                code = units.get(code).parentCode();
            }
            if (code == null || !path.contains(code) || units.get(code).parentCode().equals(code)) continue;
            List<String> cycle = path.subList(path.indexOf(code), path.size());
            if (cycle.stream().anyMatch(reported::contains)) continue;
            reported.addAll(cycle);
            String first = cycle.stream().min((a, b) -> lines.get(a) - lines.get(b)).orElseThrow();
            problems.add(lines.get(first), "parent_code", "上级关系形成循环：" + String.join(" → ", cycle) + " → " + code);
        }
    }
}
