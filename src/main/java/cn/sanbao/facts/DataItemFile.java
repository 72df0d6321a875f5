package cn.sanbao.facts;

import cn.sanbao.shared.CsvFile;
import cn.sanbao.shared.DataFileException;
import cn.sanbao.shared.Problems;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses and checks the data item catalogue CSV (code,name,unit,nature,frequency,non_negative,description). */
public final class DataItemFile {

    public static final List<String> COLUMNS =
            List.of("code", "name", "unit", "nature", "frequency", "non_negative", "description");

    // Item codes are used as variable names in scoring formulas, so they must be identifiers.
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");

    private DataItemFile() {}

    public static List<DataItem> read(Resource resource) {
        try {
            return parse(resource.getFilename(), resource.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取数据项目录文件 " + resource.getDescription(), e);
        }
    }

    /** Returns items in file order; throws {@link DataFileException} listing every problem found. */
    public static List<DataItem> parse(String fileName, InputStream in) {
        CsvFile csv = CsvFile.read(fileName, in, COLUMNS);
        Problems problems = new Problems(fileName);
        Map<String, Integer> lines = new HashMap<>();
        List<DataItem> items = new ArrayList<>();
        for (CsvFile.Row row : csv.rows()) {
            String code = problems.required(row, "code", 64);
            String name = problems.required(row, "name", 100);
            ItemUnit unit = problems.enumValue(row, "unit", ItemUnit.class, "计量单位");
            ItemNature nature = problems.enumValue(row, "nature", ItemNature.class, "数据性质");
            Frequency frequency = problems.enumValue(row, "frequency", Frequency.class, "报送频率");
            Boolean nonNegative = problems.bool(row, "non_negative");
            String description = row.get("description");
            if (description.length() > 500) problems.add(row.line(), "description", "长度不能超过 500 个字符");
            if (!code.isEmpty() && !CODE.matcher(code).matches()) {
                problems.add(row.line(), "code", "代码“" + code + "”只能包含小写字母、数字和下划线，且以字母开头");
                continue;
            }
            if (!code.isEmpty() && lines.containsKey(code)) {
                problems.add(row.line(), "code", "数据项代码“" + code + "”重复（第" + lines.get(code) + "行已定义）");
                continue;
            }
            if (!code.isEmpty()) lines.put(code, row.line());
            if (problems.isEmpty()) {
                items.add(new DataItem(code, name, unit, nature, frequency, nonNegative,
                        description.isEmpty() ? null : description));
            }
        }
        if (csv.rows().isEmpty()) problems.add(0, null, "文件中没有任何数据项");
        problems.throwIfAny();
        return List.copyOf(items);
    }
}
