package cn.sanbao.projects.demand;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.projects.list.GuaranteeItem;
import cn.sanbao.projects.list.GuaranteeListRepository;
import cn.sanbao.projects.list.ListVersion;
import cn.sanbao.projects.list.Pillar;
import cn.sanbao.region.FiscalUnit;
import cn.sanbao.region.RegionTree;

/** Runs and stores demand estimations, and writes their pillar sums as the 三保 demand facts on request. */
@Service
public class DemandService {

    public static final String FACT_SOURCE = "DEMAND";

    private final JdbcClient jdbc;
    private final GuaranteeListRepository lists;
    private final ScopeRepository scopes;
    private final RegionTree regions;
    private final FactRepository facts;
    private final AuditLog audit;
    private final Clock clock;

    public DemandService(JdbcClient jdbc, GuaranteeListRepository lists, ScopeRepository scopes, RegionTree regions,
                         FactRepository facts, AuditLog audit, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.lists = lists;
        this.scopes = scopes;
        this.regions = regions;
        this.facts = facts;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** Estimates every budget unit with scope data for the year, with the current list; stores the lines. */
    @Transactional
    public Estimation estimate(int year, String actor) {
        ListVersion list = lists.current().orElseThrow(() -> new NoSuchElementException("尚未载入保障清单"));
        ScopeRepository.Scope scope = scopes.scope(year);
        if (scope.revision() == 0) throw new NoSuchElementException(year + " 年尚未导入测算口径数据");
        List<GuaranteeItem> items = list.itemsFor(year);
        List<DemandLine> lines = new ArrayList<>();
        for (FiscalUnit u : regions.budgetUnits()) {
            Map<String, BigDecimal> q = scope.byUnit().get(u.code());
            if (q == null) continue;
            lines.addAll(DemandCalculator.unit(u.code(), u.kind(), items, q::get));
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into pj_estimation (fiscal_year, list_version_id, scope_revision, created_by, created_at) "
                        + "values (:y, :l, :s, :by, :at)")
                .param("y", year).param("l", list.id()).param("s", scope.revision()).param("by", actor)
                .param("at", Timestamp.valueOf(now)).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (DemandLine l : lines) {
            jdbc.sql("insert into pj_estimation_line (estimation_id, unit_code, item_code, pillar, annual_standard, quantity, "
                            + "local_share, amount) values (:e, :u, :i, :p, :s, :q, :sh, :a)")
                    .param("e", id).param("u", l.unitCode()).param("i", l.itemCode()).param("p", l.pillar().name())
                    .param("s", l.annualStandard()).param("q", l.quantity()).param("sh", l.localShare()).param("a", l.amount())
                    .update();
        }
        Estimation e = new Estimation(id, year, list.id(), scope.revision(), null, actor, now);
        audit.record(actor, "DEMAND_ESTIMATE", e.label(), lines.size() + " 条测算明细");
        return e;
    }

    /**
     * 写入三保需求: stores the per-pillar sums of every estimated unit as one fact revision (source DEMAND,
     * label naming the estimation), so the model reads demand that can be traced to its lines.
     */
    @Transactional
    public long writeFacts(long estimationId, String actor) {
        Estimation e = estimation(estimationId);
        if (e.factRevision() != null) throw new IllegalArgumentException(e.label() + " 已写入过三保需求（数据修订 #" + e.factRevision() + "）");
        List<FactValue> values = new ArrayList<>();
        pillarTotals(estimationId).forEach((unit, sums) -> sums.forEach((pillar, amount) ->
                values.add(new FactValue(unit, String.valueOf(e.year()), pillar.demandItem(), amount))));
        long revision = facts.createRevision(FACT_SOURCE, e.label(), actor, null, values, "DEMAND_WRITE_FACTS",
                e.label() + "：写入三保需求 " + values.size() + " 条");
        jdbc.sql("update pj_estimation set fact_revision = :r where id = :id").param("r", revision).param("id", estimationId).update();
        return revision;
    }

    public Estimation estimation(long id) {
        return jdbc.sql("select * from pj_estimation where id = :id").param("id", id).query((rs, n) -> estimation(rs))
                .optional().orElseThrow(() -> new NoSuchElementException("需求测算 #" + id + " 不存在"));
    }

    public Optional<Estimation> latest(int year) {
        return jdbc.sql("select * from pj_estimation where fiscal_year = :y order by id desc fetch first 1 rows only")
                .param("y", year).query((rs, n) -> estimation(rs)).optional();
    }

    /** The estimation whose sums a fact revision holds, if that revision was written from one. */
    public Optional<Estimation> byFactRevision(long factRevision) {
        return jdbc.sql("select * from pj_estimation where fact_revision = :r").param("r", factRevision)
                .query((rs, n) -> estimation(rs)).optional();
    }

    public List<DemandLine> lines(long estimationId, String unitCode) {
        String filter = unitCode == null ? "" : " and unit_code = :u";
        var spec = jdbc.sql("select * from pj_estimation_line where estimation_id = :e" + filter + " order by unit_code, item_code")
                .param("e", estimationId);
        if (unitCode != null) spec = spec.param("u", unitCode);
        return spec.query((rs, n) -> new DemandLine(rs.getString("unit_code"), rs.getString("item_code"),
                        Pillar.valueOf(rs.getString("pillar")), rs.getBigDecimal("annual_standard"),
                        rs.getBigDecimal("quantity").setScale(2), rs.getBigDecimal("local_share").setScale(4),
                        rs.getBigDecimal("amount").setScale(2)))
                .list();
    }

    /** Per unit (region order) the pillar sums of the estimation's lines. */
    public Map<String, Map<Pillar, BigDecimal>> pillarTotals(long estimationId) {
        Map<String, List<DemandLine>> byUnit = new LinkedHashMap<>();
        for (DemandLine l : lines(estimationId, null)) byUnit.computeIfAbsent(l.unitCode(), k -> new ArrayList<>()).add(l);
        Map<String, Map<Pillar, BigDecimal>> result = new LinkedHashMap<>();
        for (FiscalUnit u : regions.budgetUnits()) {
            List<DemandLine> ls = byUnit.get(u.code());
            if (ls != null) result.put(u.code(), DemandCalculator.byPillar(ls));
        }
        return result;
    }

    private static Estimation estimation(ResultSet rs) throws SQLException {
        long fr = rs.getLong("fact_revision");
        Long factRevision = rs.wasNull() ? null : fr;
        return new Estimation(rs.getLong("id"), rs.getInt("fiscal_year"), rs.getLong("list_version_id"),
                rs.getLong("scope_revision"), factRevision, rs.getString("created_by"),
                rs.getTimestamp("created_at").toLocalDateTime());
    }
}
