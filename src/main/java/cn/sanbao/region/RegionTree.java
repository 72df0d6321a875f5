package cn.sanbao.region;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The region tree, read once at startup. The table is the source of truth; the configured file only
 * seeds an empty database, so a province loads its own tree without code changes.
 */
@Service
public class RegionTree {

    private final Map<String, FiscalUnit> byCode = new LinkedHashMap<>();
    private final Map<String, List<FiscalUnit>> children = new LinkedHashMap<>();
    /** Named attributes (类别, 民族地区…) from the region file's extra columns, re-read at every start. */
    private final Map<String, Map<String, String>> attributes;

    public RegionTree(FiscalUnitRepository repository, TransactionOperations tx,
                      @Value("${sanbao.region.file}") Resource file) {
        List<FiscalUnit> units = tx.execute(status -> {
            if (repository.count() == 0) repository.insertAll(RegionTreeFile.read(file));
            return repository.findAll();
        });
        attributes = attributes(file);
        for (FiscalUnit u : units) {
            byCode.put(u.code(), u);
            children.put(u.code(), new ArrayList<>());
        }
        for (FiscalUnit u : units) {
            if (u.parentCode() != null) children.get(u.parentCode()).add(u);
        }
    }

    /**
     * The units' named attributes, read from the file at every start (the table holds only the structure). A file
     * that no longer reads leaves the seeded structure in force and the attributes empty, which models that use
     * attributes report when they score.
     */
    private static Map<String, Map<String, String>> attributes(Resource file) {
        String name = file.getFilename() == null ? file.getDescription() : file.getFilename();
        try (var in = file.getInputStream()) {
            return RegionTreeFile.attributes(name, in);
        } catch (java.io.IOException | cn.sanbao.shared.DataFileException e) {
            org.slf4j.LoggerFactory.getLogger(RegionTree.class).warn("行政区划文件 {} 无法读取单位属性，按无属性运行：{}", name, e.getMessage());
            return Map.of();
        }
    }

    /** All units in sort order. */
    public List<FiscalUnit> all() { return List.copyOf(byCode.values()); }

    public Optional<FiscalUnit> unit(String code) { return Optional.ofNullable(byCode.get(code)); }

    public FiscalUnit require(String code) {
        FiscalUnit u = byCode.get(code);
        if (u == null) throw new IllegalArgumentException("未知的财政单位代码“" + code + "”");
        return u;
    }

    public boolean contains(String code) { return byCode.containsKey(code); }

    /** The unit's named attributes from the region file (e.g. 类别 → 县), empty when it has none. */
    public Map<String, String> attributes(String code) {
        return attributes.getOrDefault(code, Map.of());
    }

    public FiscalUnit root() {
        return byCode.values().stream().filter(FiscalUnit::isRoot).findFirst()
                .orElseThrow(() -> new IllegalStateException("行政区划没有根节点"));
    }

    /** Direct children in sort order. */
    public List<FiscalUnit> children(String code) {
        require(code);
        return List.copyOf(children.get(code));
    }

    /** Units that own data (市本级, counties, zones), in sort order. */
    public List<FiscalUnit> budgetUnits() {
        return byCode.values().stream().filter(u -> !u.isConsolidated()).toList();
    }

    /** Cities and the region, whose figures are sums of their budget units. */
    public List<FiscalUnit> consolidatedUnits() {
        return byCode.values().stream().filter(FiscalUnit::isConsolidated).toList();
    }

    /** The budget units whose figures make up this unit: itself for a budget unit, its budget-unit descendants otherwise. */
    public List<FiscalUnit> members(String code) {
        FiscalUnit unit = require(code);
        if (!unit.isConsolidated()) return List.of(unit);
        return byCode.values().stream().filter(u -> !u.isConsolidated() && isWithin(u.code(), code)).toList();
    }

    /** The city (CITY) the unit belongs to, or the city itself; empty for the region and for units directly under it. */
    public Optional<FiscalUnit> cityOf(String code) {
        for (FiscalUnit u = require(code); u != null; u = u.parentCode() == null ? null : byCode.get(u.parentCode())) {
            if (u.kind() == UnitKind.CITY) return Optional.of(u);
        }
        return Optional.empty();
    }

    /** True if {@code code} is {@code ancestorCode} or lies below it. */
    public boolean isWithin(String code, String ancestorCode) {
        for (FiscalUnit u = byCode.get(code); u != null; u = u.parentCode() == null ? null : byCode.get(u.parentCode())) {
            if (u.code().equals(ancestorCode)) return true;
        }
        return false;
    }

    public boolean isCity(String code) {
        FiscalUnit u = byCode.get(code);
        return u != null && u.kind() == UnitKind.CITY;
    }

    public boolean isBudgetUnit(String code) {
        FiscalUnit u = byCode.get(code);
        return u != null && !u.isConsolidated();
    }

    /** Path from the root down to the unit, e.g. 宁夏回族自治区 / 银川市 / 兴庆区. */
    public List<FiscalUnit> path(String code) {
        List<FiscalUnit> path = new ArrayList<>();
        for (FiscalUnit u = require(code); u != null; u = u.parentCode() == null ? null : byCode.get(u.parentCode())) {
            path.add(0, u);
        }
        return path;
    }
}
