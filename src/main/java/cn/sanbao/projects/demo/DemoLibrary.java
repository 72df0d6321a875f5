package cn.sanbao.projects.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import cn.sanbao.projects.demand.DemandCalculator;
import cn.sanbao.projects.demand.DemandLine;
import cn.sanbao.projects.library.Project;
import cn.sanbao.projects.list.GuaranteeItem;
import cn.sanbao.projects.list.GuaranteeListFile;
import cn.sanbao.kernel.Pillar;
import cn.sanbao.region.UnitKind;
import cn.sanbao.shared.CsvFile;

/**
 * The shipped demo list, scope and project library computed in memory, exactly as the first demo start stores
 * them: the demo data generator reads it to make payments that match the projects, and tests check the codes.
 */
@org.springframework.modulith.NamedInterface("demo")
public final class DemoLibrary {

    public static final String LIST_RESOURCE = "/projects/guarantee-list-ningxia.csv";
    public static final String SCOPE_RESOURCE = "/" + ProjectsDemoLoader.SCOPE_FILE;

    private DemoLibrary() {
    }

    public static List<GuaranteeItem> items() {
        try (InputStream in = open(LIST_RESOURCE)) {
            return GuaranteeListFile.read("guarantee-list-ningxia.csv", in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** unit → measure → quantity of the shipped scope file. */
    public static Map<String, Map<String, BigDecimal>> scope() {
        try (InputStream in = open(SCOPE_RESOURCE)) {
            Map<String, Map<String, BigDecimal>> q = new LinkedHashMap<>();
            for (CsvFile.Row r : CsvFile.read("demo-scope-2021.csv", in, List.of("year", "unit_code", "measure", "quantity")).rows())
                q.computeIfAbsent(r.get("unit_code"), k -> new HashMap<>()).put(r.get("measure"), new BigDecimal(r.get("quantity")));
            return q;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Estimated demand lines per unit, for the units given with their kinds (units without scope get none). */
    public static Map<String, List<DemandLine>> lines(Map<String, UnitKind> units) {
        List<GuaranteeItem> items = items();
        Map<String, Map<String, BigDecimal>> scope = scope();
        Map<String, List<DemandLine>> out = new LinkedHashMap<>();
        units.forEach((code, kind) -> {
            Map<String, BigDecimal> q = scope.get(code);
            if (q != null) out.put(code, DemandCalculator.unit(code, kind, items, q::get));
        });
        return out;
    }

    /** Estimated demand per unit and pillar. */
    public static Map<String, Map<Pillar, BigDecimal>> demand(Map<String, UnitKind> units) {
        Map<String, Map<Pillar, BigDecimal>> out = new LinkedHashMap<>();
        lines(units).forEach((unit, l) -> out.put(unit, DemandCalculator.byPillar(l)));
        return out;
    }

    /** The demo project library of the year for these units. */
    public static List<Project> projects(int year, Map<String, UnitKind> units) {
        Map<String, GuaranteeItem> byCode = new LinkedHashMap<>();
        items().forEach(i -> byCode.put(i.code(), i));
        return DemoProjects.generate(year, lines(units), byCode);
    }

    private static InputStream open(String resource) {
        InputStream in = DemoLibrary.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("找不到资源文件：" + resource);
        return in;
    }
}
