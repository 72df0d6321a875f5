package cn.sanbao.projects.list;

import cn.sanbao.kernel.Pillar;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.shared.FieldChanges;
import cn.sanbao.shared.Problems;

/** Versions of the guarantee list: a load or an edit stores the complete list again, audited. */
@Service
public class GuaranteeListRepository {

    public static final String DEFAULT_FILE = "projects/guarantee-list-ningxia.csv";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    /** Field names for the audit text of an edit (the form's labels, in Chinese). */
    private final MessageSource messages;

    public GuaranteeListRepository(JdbcClient jdbc, AuditLog audit, ObjectProvider<Clock> clock, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /** Reads a CSV file and stores it as a new version (nothing stored when any row is wrong). */
    @Transactional
    public long load(String fileName, InputStream in, String actor, String note) {
        return save(GuaranteeListFile.read(fileName, in), actor, note);
    }

    @Transactional
    public long save(List<GuaranteeItem> items, String actor, String note) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into pj_list_version (created_at, created_by, note) values (:at, :by, :note)")
                .param("at", Timestamp.valueOf(now)).param("by", actor).param("note", cut(note))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (GuaranteeItem i : items) {
            jdbc.sql("insert into pj_list_item (version_id, code, name, pillar, basis, national_standard, standard, change_month, "
                            + "standard_after, scope_measure, share_central, share_region, share_city, share_county, function_prefixes, "
                            + "effective_year, sample) values (:v, :code, :name, :pillar, :basis, :nat, :std, :cm, :after, :measure, "
                            + ":sc, :sr, :sci, :sco, :fp, :year, :sample)")
                    .param("v", id).param("code", i.code()).param("name", i.name()).param("pillar", i.pillar().name())
                    .param("basis", i.basis().name()).param("nat", i.nationalStandard()).param("std", i.standard())
                    .param("cm", i.changeMonth()).param("after", i.standardAfter()).param("measure", i.scopeMeasure())
                    .param("sc", i.shareCentral()).param("sr", i.shareRegion()).param("sci", i.shareCity())
                    .param("sco", i.shareCounty()).param("fp", String.join(";", i.functionPrefixes()))
                    .param("year", i.effectiveYear()).param("sample", i.sample())
                    .update();
        }
        audit.record(actor, "GUARANTEE_LIST_VERSION", "保障清单版本 #" + id, items.size() + " 个项目；" + note);
        return id;
    }

    /**
     * Replaces (or adds) one item, checked like a file row, and stores the result as a new version.
     * The cells use the CSV column names.
     */
    @Transactional
    public long editItem(Map<String, String> cells, String actor) {
        ListVersion current = current().orElseThrow(() -> new NoSuchElementException("尚未载入保障清单"));
        Problems problems = new Problems("清单编辑");
        GuaranteeItem edited = GuaranteeListFile.parse(cells, 0, problems);
        problems.throwIfAny();
        List<GuaranteeItem> items = new ArrayList<>();
        GuaranteeItem old = null;
        for (GuaranteeItem i : current.items()) {
            if (i.code().equals(edited.code()) && i.effectiveYear() == edited.effectiveYear()) {
                items.add(edited);
                old = i;
            } else items.add(i);
        }
        if (old == null) items.add(edited);
        String what = (old == null ? "新增" : "修改") + "清单项目 " + edited.code() + " " + edited.name() + "（" + edited.effectiveYear() + " 年）";
        if (old == null) return save(items, actor, what);
        String change = FieldChanges.describe(GuaranteeListFile.COLUMNS, cells(old), cells(edited),
                c -> messages.getMessage("projects.list.field." + c, null, c, Locale.SIMPLIFIED_CHINESE));
        if (change.isEmpty()) throw new IllegalArgumentException("内容与当前版本相同，没有需要保存的修改");
        return save(items, actor, what + "：" + change);
    }

    /** Scope measures used by the current list (what a scope import may contain). */
    public java.util.Set<String> measures() {
        return current().map(v -> v.items().stream().map(GuaranteeItem::scopeMeasure).filter(m -> !m.isEmpty())
                .collect(java.util.stream.Collectors.toSet())).orElse(java.util.Set.of());
    }

    public Optional<ListVersion> current() {
        Optional<Long> id = jdbc.sql("select max(id) from pj_list_version").query(Long.class).optional();
        return id.map(this::version);
    }

    public ListVersion version(long id) {
        return jdbc.sql("select id, created_at, created_by, note from pj_list_version where id = :id").param("id", id)
                .query((rs, n) -> new ListVersion(rs.getLong("id"), rs.getTimestamp("created_at").toLocalDateTime(),
                        rs.getString("created_by"), rs.getString("note"), items(id)))
                .optional().orElseThrow(() -> new NoSuchElementException("保障清单版本 #" + id + " 不存在"));
    }

    /** Newest first, without items. */
    public List<ListVersion> versions() {
        return jdbc.sql("select id, created_at, created_by, note from pj_list_version order by id desc")
                .query((rs, n) -> new ListVersion(rs.getLong("id"), rs.getTimestamp("created_at").toLocalDateTime(),
                        rs.getString("created_by"), rs.getString("note"), List.of()))
                .list();
    }

    private List<GuaranteeItem> items(long versionId) {
        return jdbc.sql("select * from pj_list_item where version_id = :v order by pillar, code, effective_year")
                .param("v", versionId).query((rs, n) -> item(rs)).list();
    }

    private static GuaranteeItem item(ResultSet rs) throws SQLException {
        int cm = rs.getInt("change_month");
        Integer changeMonth = rs.wasNull() ? null : cm;
        return new GuaranteeItem(rs.getString("code"), rs.getString("name"), Pillar.valueOf(rs.getString("pillar")),
                StandardBasis.valueOf(rs.getString("basis")), money(rs, "national_standard"), money(rs, "standard"),
                changeMonth, money(rs, "standard_after"), rs.getString("scope_measure"), share(rs, "share_central"),
                share(rs, "share_region"), share(rs, "share_city"), share(rs, "share_county"),
                Arrays.stream(rs.getString("function_prefixes").split(";")).filter(s -> !s.isBlank()).toList(),
                rs.getInt("effective_year"), rs.getBoolean("sample"));
    }

    private static BigDecimal money(ResultSet rs, String col) throws SQLException {
        BigDecimal v = rs.getBigDecimal(col);
        return v == null ? null : v.setScale(2);
    }

    private static BigDecimal share(ResultSet rs, String col) throws SQLException {
        return rs.getBigDecimal(col).setScale(4);
    }

    /** Cells of an item as the CSV columns, for the edit form. */
    public static Map<String, String> cells(GuaranteeItem i) {
        Map<String, String> c = new HashMap<>();
        c.put("code", i.code());
        c.put("name", i.name());
        c.put("pillar", i.pillar().name());
        c.put("basis", i.basis().name());
        c.put("national_standard", i.nationalStandard().toPlainString());
        c.put("standard", i.standard().toPlainString());
        c.put("change_month", i.changeMonth() == null ? "" : i.changeMonth().toString());
        c.put("standard_after", i.standardAfter() == null ? "" : i.standardAfter().toPlainString());
        c.put("scope_measure", i.scopeMeasure());
        c.put("share_central", i.shareCentral().toPlainString());
        c.put("share_region", i.shareRegion().toPlainString());
        c.put("share_city", i.shareCity().toPlainString());
        c.put("share_county", i.shareCounty().toPlainString());
        c.put("function_prefixes", String.join(";", i.functionPrefixes()));
        c.put("effective_year", String.valueOf(i.effectiveYear()));
        c.put("sample", String.valueOf(i.sample()));
        return c;
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() <= 300 ? s : s.substring(0, 299) + "…";
    }
}
