package cn.sanbao.projects.demand;

import cn.sanbao.shared.Decimals;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;
import cn.sanbao.shared.CsvFile;
import cn.sanbao.shared.Problems;

/**
 * Scope quantities per unit and year. An import is checked completely (file, line, column, reason) and
 * stored as one revision or not at all; the newest revision's value of each unit × measure counts.
 */
@Service
public class ScopeRepository {

    public static final List<String> COLUMNS = List.of("year", "unit_code", "measure", "quantity");

    /** Quantities of one year, and the newest revision they come from (0 = none). */
    @org.springframework.modulith.NamedInterface("api")
    public record Scope(int year, long revision, Map<String, Map<String, BigDecimal>> byUnit) {
        public BigDecimal quantity(String unit, String measure) {
            return byUnit.getOrDefault(unit, Map.of()).get(measure);
        }
    }

    private final JdbcClient jdbc;
    private final RegionTree regions;
    private final AuditLog audit;
    private final Clock clock;

    public ScopeRepository(JdbcClient jdbc, RegionTree regions, AuditLog audit, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** Imports a scope CSV; {@code knownMeasures} are the measures the guarantee list uses. */
    @Transactional
    public long importCsv(String fileName, InputStream in, Set<String> knownMeasures, String actor) {
        return importRows(fileName, CsvFile.read(fileName, in, COLUMNS).rows(), knownMeasures, actor);
    }

    /** Imports a scope file: .xlsx (first sheet, same columns) or CSV, chosen by the file name. */
    @Transactional
    public long importFile(String fileName, InputStream in, Set<String> knownMeasures, String actor) {
        if (fileName.toLowerCase().endsWith(".xlsx"))
            return importRows(fileName, SheetRows.read(fileName, in, COLUMNS), knownMeasures, actor);
        return importCsv(fileName, in, knownMeasures, actor);
    }

    private long importRows(String fileName, List<CsvFile.Row> rows, Set<String> knownMeasures, String actor) {
        Problems problems = new Problems(fileName);
        Map<String, Integer> seen = new HashMap<>();
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        Integer year = null;
        for (CsvFile.Row row : rows) {
            Integer y = null;
            try {
                y = Integer.parseInt(row.get("year"));
                if (y < 2000 || y > 2100) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                problems.add(row.line(), "year", "年度应为 2000 到 2100 的年份，实际为“" + row.get("year") + "”");
            }
            if (y != null && year == null) year = y;
            else if (y != null && !y.equals(year)) problems.add(row.line(), "year", "一个文件只能包含一个年度（首行为 " + year + " 年）");
            String unit = row.get("unit_code");
            FiscalUnit u = regions.unit(unit).orElse(null);
            if (u == null) problems.add(row.line(), "unit_code", "未知的单位编码“" + unit + "”");
            else if (u.isConsolidated()) problems.add(row.line(), "unit_code", u.name() + "是汇总单位，测算口径应按预算单位填报");
            String measure = row.get("measure");
            if (!knownMeasures.contains(measure))
                problems.add(row.line(), "measure", "保障清单中没有测算口径“" + measure + "”");
            BigDecimal q = null;
            try {
                q = Decimals.parse(row.get("quantity"));
                if (q.signum() < 0) { problems.add(row.line(), "quantity", "数量不能为负数：" + row.get("quantity")); q = null; }
                else if (q.stripTrailingZeros().scale() > 2) { problems.add(row.line(), "quantity", "数量最多两位小数：" + row.get("quantity")); q = null; }
            } catch (Decimals.Invalid e) {
                problems.add(row.line(), "quantity", "不是有效的数量：" + e.getMessage());
            }
            String key = unit + "|" + measure;
            Integer first = seen.putIfAbsent(key, row.line());
            if (first != null) problems.add(row.line(), "measure", "单位 " + unit + " 的口径 " + measure + " 重复（第" + first + "行已有）");
            if (q != null) values.put(key, q.setScale(2));
        }
        if (rows.isEmpty()) problems.add(0, null, "文件中没有数据行");
        problems.throwIfAny();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into pj_scope_revision (fiscal_year, label, row_count, created_by, created_at) values (:y, :l, :n, :by, :at)")
                .param("y", year).param("l", cut("导入 " + fileName)).param("n", values.size()).param("by", actor)
                .param("at", Timestamp.valueOf(LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS)))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (Map.Entry<String, BigDecimal> e : values.entrySet()) {
            String[] k = e.getKey().split("\\|", 2);
            jdbc.sql("insert into pj_scope_value (revision_id, unit_code, measure, quantity) values (:r, :u, :m, :q)")
                    .param("r", id).param("u", k[0]).param("m", k[1]).param("q", e.getValue()).update();
        }
        audit.record(actor, "SCOPE_IMPORT", "测算口径 " + year + " 年 修订 #" + id, fileName + "，" + values.size() + " 条");
        return id;
    }

    public Scope scope(int year) {
        Map<String, Map<String, BigDecimal>> byUnit = new LinkedHashMap<>();
        long[] latest = {0};
        jdbc.sql("select v.revision_id, v.unit_code, v.measure, v.quantity from pj_scope_value v "
                        + "join pj_scope_revision r on r.id = v.revision_id where r.fiscal_year = :y order by v.revision_id")
                .param("y", year)
                .query(rs -> {
                    latest[0] = Math.max(latest[0], rs.getLong(1));
                    byUnit.computeIfAbsent(rs.getString(2), k -> new LinkedHashMap<>()).put(rs.getString(3), rs.getBigDecimal(4).setScale(2));
                });
        return new Scope(year, latest[0], byUnit);
    }

    public int revisionCount(int year) {
        return jdbc.sql("select count(*) from pj_scope_revision where fiscal_year = :y").param("y", year).query(Integer.class).single();
    }

    private static String cut(String s) {
        return s.length() <= 300 ? s : s.substring(0, 299) + "…";
    }
}
