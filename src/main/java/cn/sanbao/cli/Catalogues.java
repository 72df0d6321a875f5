package cn.sanbao.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import cn.sanbao.facts.DataItem;
import cn.sanbao.facts.DataItemFile;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTreeFile;
import cn.sanbao.shared.DataFileException;

/**
 * Optional reference files for the command line (--units, --items): when given, a facts row naming a unit
 * or data item they do not list is an error at its line, as on import. Null sets mean "not checked".
 */
record Catalogues(Set<String> budgetUnits, Set<String> consolidatedUnits, String unitsSource,
                  Set<String> items, String itemsSource) {

    static final Catalogues NONE = new Catalogues(null, null, null, null, null);

    static Catalogues load(String unitsFile, String itemsFile) {
        Set<String> budget = null;
        Set<String> consolidated = null;
        if (unitsFile != null) {
            budget = new LinkedHashSet<>();
            consolidated = new LinkedHashSet<>();
            for (FiscalUnit u : read(unitsFile, in -> RegionTreeFile.parse(Path.of(unitsFile).getFileName().toString(), in)))
                (u.isConsolidated() ? consolidated : budget).add(u.code());
        }
        Set<String> items = null;
        if (itemsFile != null) {
            items = new LinkedHashSet<>();
            for (DataItem d : read(itemsFile, in -> DataItemFile.parse(Path.of(itemsFile).getFileName().toString(), in)))
                items.add(d.code());
        }
        return new Catalogues(budget, consolidated, unitsFile, items, itemsFile);
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

    private interface Parser<T> {
        List<T> parse(InputStream in);
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
