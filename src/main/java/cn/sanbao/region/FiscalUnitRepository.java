package cn.sanbao.region;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@Repository
public class FiscalUnitRepository {

    private static final String COLUMNS = "code, name, kind, parent_code, gb2260, sort_order";

    private final JdbcClient jdbc;

    public FiscalUnitRepository(JdbcClient jdbc) { this.jdbc = jdbc; }

    /** Inserts parents before children, whatever the input order, to satisfy the parent foreign key. */
    public void insertAll(List<FiscalUnit> units) {
        for (FiscalUnit u : parentsFirst(units)) {
            jdbc.sql("insert into fiscal_unit (" + COLUMNS + ") values (:code, :name, :kind, :parent, :gb, :sort)")
                    .param("code", u.code())
                    .param("name", u.name())
                    .param("kind", u.kind().name())
                    .param("parent", u.parentCode())
                    .param("gb", u.gb2260())
                    .param("sort", u.sortOrder())
                    .update();
        }
    }

    public List<FiscalUnit> findAll() {
        return jdbc.sql("select " + COLUMNS + " from fiscal_unit order by sort_order, code").query(this::map).list();
    }

    public Optional<FiscalUnit> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from fiscal_unit where code = :code").param("code", code)
                .query(this::map).optional();
    }

    public long count() {
        return jdbc.sql("select count(*) from fiscal_unit").query(Long.class).single();
    }

    private FiscalUnit map(ResultSet rs, int row) throws SQLException {
        return new FiscalUnit(rs.getString("code"), rs.getString("name"), UnitKind.valueOf(rs.getString("kind")),
                rs.getString("parent_code"), rs.getBoolean("gb2260"), rs.getInt("sort_order"));
    }

    private static List<FiscalUnit> parentsFirst(List<FiscalUnit> units) {
        List<FiscalUnit> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        List<FiscalUnit> pending = new ArrayList<>(units);
        while (!pending.isEmpty()) {
            int before = pending.size();
            pending.removeIf(u -> {
                if (u.parentCode() != null && !placed.contains(u.parentCode())) return false;
                ordered.add(u);
                placed.add(u.code());
                return true;
            });
            if (pending.size() == before) {
                throw new IllegalArgumentException("行政区划上级关系不完整或存在循环：" + pending.get(0).code());
            }
        }
        return ordered;
    }
}
