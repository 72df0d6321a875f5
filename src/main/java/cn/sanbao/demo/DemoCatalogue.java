package cn.sanbao.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads the region tree and the data item catalogue from the classpath, as the demo needs them. */
public final class DemoCatalogue {

    /** Unit kinds that own data; CITY and REGION are consolidated sums and get no facts. */
    public static final Set<String> BUDGET_KINDS = Set.of("CITY_LEVEL", "COUNTY", "ZONE");

    public static final String REGION_RESOURCE = "/region/ningxia-2021.csv";
    public static final String ITEMS_RESOURCE = "/items/data-items.csv";

    public record Unit(String code, String name, String kind, String parentCode) {}

    public record Item(String code, String unit, String nature, String frequency) {
        public boolean annual() { return "ANNUAL".equals(frequency); }
        public boolean weekly() { return "MONTHLY_WEEKLY".equals(frequency); }
        public boolean headcount() { return "PERSON".equals(unit); }
    }

    private DemoCatalogue() {}

    /** The budget units (CITY_LEVEL, COUNTY, ZONE) of a region CSV, in file order. */
    public static List<Unit> budgetUnits(String resource) {
        List<Unit> units = new ArrayList<>();
        for (CSVRecord r : read(resource)) {
            if (BUDGET_KINDS.contains(r.get("kind"))) {
                units.add(new Unit(r.get("code"), r.get("name"), r.get("kind"), r.get("parent_code")));
            }
        }
        return units;
    }

    public static List<Unit> budgetUnits() { return budgetUnits(REGION_RESOURCE); }

    public static List<Item> items() {
        List<Item> items = new ArrayList<>();
        for (CSVRecord r : read(ITEMS_RESOURCE)) {
            items.add(new Item(r.get("code"), r.get("unit"), r.get("nature"), r.get("frequency")));
        }
        return items;
    }

    /** The items the demo generator makes: all but the spending-discipline items, which come from the generated payment detail. */
    public static List<Item> generatedItems() {
        return items().stream().filter(i -> !DemoSpending.ITEMS.contains(i.code())).toList();
    }

    private static List<CSVRecord> read(String resource) {
        try (InputStream in = DemoCatalogue.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("找不到资源文件：" + resource);
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                        .parse(reader).getRecords();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
