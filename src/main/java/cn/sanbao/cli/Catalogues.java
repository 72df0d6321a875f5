package cn.sanbao.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import cn.sanbao.facts.DataItem;
import cn.sanbao.facts.DataItemFile;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTreeFile;
import cn.sanbao.shared.CsvFile;
import cn.sanbao.shared.DataFileException;

/**
 * Optional reference files for the command line (--units, --items): when given, a facts row naming a unit
 * or data item they do not list is an error at its line, as on import. Null sets mean "not checked".
 */
record Catalogues(Set<String> budgetUnits, Set<String> consolidatedUnits, String unitsSource,
                  Set<String> items, String itemsSource, Map<String, Map<String, String>> attributes) {

    static final Catalogues NONE = new Catalogues(null, null, null, null, null, Map.of());
    /** Columns of a plain units file that are no attributes. */
    private static final Set<String> UNIT_COLUMNS = Set.of("code", "name");

    /**
     * --units is either the region tree file (with parent_code; extra columns are attributes) or a plain
     * units file {@code code,name,<attribute>…} (e.g. kind, 民族地区, 帮扶县) listing budget units.
     */
    static Catalogues load(String unitsFile, String itemsFile) {
        Set<String> budget = null;
        Set<String> consolidated = null;
        Map<String, Map<String, String>> attributes = Map.of();
        if (unitsFile != null) {
            budget = new LinkedHashSet<>();
            consolidated = new LinkedHashSet<>();
            String name = Path.of(unitsFile).getFileName().toString();
            byte[] bytes = read(unitsFile, in -> List.of(in.readNBytes(MAX_UNITS_BYTES + 1))).get(0);
            if (bytes.length > MAX_UNITS_BYTES) throw new CliException(unitsFile + "：单位文件超过 " + MAX_UNITS_BYTES / 1024 / 1024 + " MB，请检查是否给错了文件");
            CsvFile csv = read(unitsFile, in -> List.of(CsvFile.read(name, in, List.of("code", "name")))).get(0);
            if (!csv.rows().isEmpty() && csv.rows().get(0).cells().containsKey("parent_code")) {
                for (FiscalUnit u : read(unitsFile, in -> RegionTreeFile.parse(name, in)))
                    (u.isConsolidated() ? consolidated : budget).add(u.code());
                attributes = RegionTreeFile.attributes(csv, Set.copyOf(RegionTreeFile.COLUMNS));
            } else {
                List<String> problems = new ArrayList<>();
                for (CsvFile.Row row : csv.rows()) {
                    if (row.get("code").isEmpty()) problems.add(name + " 第" + row.line() + "行 code 列：单位编码为空");
                    else if (!budget.add(row.get("code"))) problems.add(name + " 第" + row.line() + "行 code 列：单位编码“" + row.get("code") + "”重复");
                }
                if (!problems.isEmpty()) throw new CliException(problems);
                attributes = RegionTreeFile.attributes(csv, UNIT_COLUMNS);
            }
        }
        Set<String> items = null;
        if (itemsFile != null) {
            items = new LinkedHashSet<>();
            for (DataItem d : read(itemsFile, in -> DataItemFile.parse(Path.of(itemsFile).getFileName().toString(), in)))
                items.add(d.code());
        }
        return new Catalogues(budget, consolidated, unitsFile, items, itemsFile, attributes);
    }

    /** Problem with a unit code, or null when it is acceptable. */
    String unitProblem(String unit) {
        if (budgetUnits == null || budgetUnits.contains(unit)) return null;
        if (consolidatedUnits.contains(unit))
            return "单位“" + unit + "”是汇总单位，其数据由所属预算单位加总得出，不能直接填报";
        return "单位编码“" + unit + "”不在区划文件 " + unitsSource + " 中";
    }

    /** Problem with a data item code, or null when it is acceptable. */
    String itemProblem(String item) {
        if (items == null || items.contains(item)) return null;
        return "数据项“" + item + "”不在数据项目录 " + itemsSource + " 中";
    }

    /** A units file is a short list; anything this large is the wrong file. */
    private static final int MAX_UNITS_BYTES = 10 * 1024 * 1024;

    /** The unit's attributes from --units, empty without it. */
    Map<String, String> attributes(String unit) {
        return attributes.getOrDefault(unit, Map.of());
    }

    private interface Parser<T> {
        List<T> parse(InputStream in) throws IOException;
    }

    private static <T> List<T> read(String file, Parser<T> parser) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return parser.parse(in);
        } catch (NoSuchFileException e) {
            throw new CliException(file + "：找不到文件");
        } catch (IOException e) {
            throw new CliException(file + "：无法读取：" + e.getMessage());
        } catch (DataFileException e) {
            throw new CliException(e.problems().stream().map(DataFileException.Problem::text).toList());
        }
    }
}
