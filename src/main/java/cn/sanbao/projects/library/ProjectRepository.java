package cn.sanbao.projects.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.shared.DataFileException;
import cn.sanbao.shared.FieldChanges;
import cn.sanbao.shared.Problems;

/** The project library: imports (all-or-nothing, each a revision), edits and lifecycle moves, all audited. */
@Service
public class ProjectRepository {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    public ProjectRepository(JdbcClient jdbc, AuditLog audit, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
    }

    /**
     * Stores checked projects as one import. {@code lines} gives each project's row for messages; a code
     * already in the library for its year, or twice in the file, rejects the whole import.
     */
    @Transactional
    public long importProjects(String fileName, List<Project> projects, List<Integer> lines, String actor) {
        Problems problems = new Problems(fileName);
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < projects.size(); i++) {
            Project p = projects.get(i);
            Integer first = seen.putIfAbsent(p.year() + "|" + p.code(), lines.get(i));
            if (first != null) problems.add(lines.get(i), ProjectValidator.CODE, "项目编码“" + p.code() + "”重复（第" + first + "行已有）");
            else if (exists(p.year(), p.code())) problems.add(lines.get(i), ProjectValidator.CODE, "项目编码“" + p.code() + "”在 " + p.year() + " 年项目库中已存在");
        }
        if (projects.isEmpty()) problems.add(0, null, "文件中没有项目");
        problems.throwIfAny();
        LocalDateTime now = now();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into pj_project_import (file_name, row_count, created_by, created_at) values (:f, :n, :by, :at)")
                .param("f", cut(fileName, 300)).param("n", projects.size()).param("by", actor).param("at", Timestamp.valueOf(now))
                .update(key, "id");
        long importId = key.getKeyAs(Number.class).longValue();
        for (Project p : projects) insert(p, importId, actor, now, "导入 " + fileName);
        audit.record(actor, "PROJECT_IMPORT", "项目库导入 #" + importId, fileName + "，" + projects.size() + " 个项目");
        return importId;
    }

    @Transactional
    public Project create(Project p, String actor) {
        if (exists(p.year(), p.code())) throw new DataFileException("项目录入", 0, ProjectValidator.CODE, "项目编码“" + p.code() + "”在 " + p.year() + " 年项目库中已存在");
        long id = insert(p, null, actor, now(), "新建项目");
        audit.record(actor, "PROJECT_CREATE", project(p), p.amount().toPlainString() + " 元");
        return p.withId(id);
    }

    /**
     * Edits the descriptive fields and amount as a new version of the project (its change, old → new, is kept
     * and audited); code, year and state are changed only by their own actions.
     */
    @Transactional
    public Project update(long id, Project edited, String actor) {
        Project old = get(id);
        if (!old.code().equals(edited.code()) || old.year() != edited.year())
            throw new IllegalArgumentException("项目编码和年度不能修改");
        edited = new Project(id, old.year(), old.code(), edited.name(), edited.unitCode(), edited.agency(), edited.category(),
                edited.tag(), edited.itemCode(), edited.functionCode(), edited.economicCode(), edited.amount(), old.state());
        String change = FieldChanges.describe(ProjectValidator.COLUMNS, ProjectLibrary.cells(old), ProjectLibrary.cells(edited), c -> c);
        if (change.isEmpty()) throw new IllegalArgumentException("内容与当前版本相同，没有需要保存的修改");
        int version = changes(id).size() + 2;
        jdbc.sql("update pj_project set name = :name, unit_code = :unit, agency = :agency, category = :cat, tag = :tag, "
                        + "item_code = :item, function_code = :fn, economic_code = :ec, amount = :amount, updated_at = :at where id = :id")
                .param("name", edited.name()).param("unit", edited.unitCode()).param("agency", edited.agency())
                .param("cat", edited.category().name()).param("tag", edited.tag().name()).param("item", edited.itemCode())
                .param("fn", edited.functionCode()).param("ec", edited.economicCode()).param("amount", edited.amount())
                .param("at", Timestamp.valueOf(now())).param("id", id).update();
        jdbc.sql("insert into pj_project_change (project_id, version, actor, changed_at, change_text, saved) "
                        + "values (:p, :v, :a, :at, :c, :s)")
                .param("p", id).param("v", version).param("a", actor).param("at", Timestamp.valueOf(now()))
                .param("c", cut(change, 2000)).param("s", cut(saved(edited), 2000)).update();
        audit.record(actor, "PROJECT_UPDATE", project(old) + " 第 " + version + " 版", change);
        return get(id);
    }

    /** The values a version saved, in column order. */
    private static String saved(Project p) {
        Map<String, String> cells = ProjectLibrary.cells(p);
        return String.join("；", ProjectValidator.COLUMNS.stream().map(c -> c + "=" + cells.get(c)).toList());
    }

    /** One edit of a project: the version it made and what changed. */
    public record Change(int version, String actor, LocalDateTime at, String change) {
    }

    /** The edits of a project, oldest first (version 1, the project as created, has none). */
    public List<Change> changes(long projectId) {
        return jdbc.sql("select version, actor, changed_at, change_text from pj_project_change where project_id = :p order by version")
                .param("p", projectId).query((rs, n) -> new Change(rs.getInt("version"), rs.getString("actor"),
                        rs.getTimestamp("changed_at").toLocalDateTime(), rs.getString("change_text"))).list();
    }

    @Transactional
    public Project move(long id, ProjectState to, String actor, String note) {
        Project p = get(id);
        if (!p.state().canMoveTo(to))
            throw new IllegalArgumentException("项目状态不能从“" + p.state().label() + "”变为“" + to.label() + "”");
        LocalDateTime now = now();
        jdbc.sql("update pj_project set state = :s, updated_at = :at where id = :id").param("s", to.name())
                .param("at", Timestamp.valueOf(now)).param("id", id).update();
        transition(id, p.state(), to, actor, now, note);
        audit.record(actor, "PROJECT_STATE", project(p), p.state().label() + " → " + to.label() + (note == null ? "" : "：" + note));
        return get(id);
    }

    public Project get(long id) {
        return jdbc.sql("select * from pj_project where id = :id").param("id", id).query((rs, n) -> project(rs)).optional()
                .orElseThrow(() -> new NoSuchElementException("项目 #" + id + " 不存在"));
    }

    public boolean exists(int year, String code) {
        return jdbc.sql("select count(*) from pj_project where fiscal_year = :y and code = :c").param("y", year).param("c", code)
                .query(Integer.class).single() > 0;
    }

    /** Projects of the year the predicate lets through (unit scope), in unit and code order. */
    public List<Project> ofYear(int year, Predicate<String> visibleUnit) {
        return jdbc.sql("select * from pj_project where fiscal_year = :y order by unit_code, code").param("y", year)
                .query((rs, n) -> project(rs)).list().stream().filter(p -> visibleUnit.test(p.unitCode())).toList();
    }

    /** The library list's filters; {@code units} null means every unit, blank tag or state means any. */
    public record Filter(int year, java.util.Collection<String> units, String tag, String state) {

        String where() {
            return " where fiscal_year = :y" + (units == null ? "" : units.isEmpty() ? " and 1 = 0" : " and unit_code in (:units)")
                    + (blank(tag) ? "" : " and tag = :tag") + (blank(state) ? "" : " and state = :state");
        }

        JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec) {
            spec = spec.param("y", year);
            if (units != null && !units.isEmpty()) spec = spec.param("units", List.copyOf(units));
            if (!blank(tag)) spec = spec.param("tag", tag);
            if (!blank(state)) spec = spec.param("state", state);
            return spec;
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    /** Projects matching the filter in unit and code order, one page (offset, limit) read in SQL. */
    public List<Project> find(Filter f, long offset, int limit) {
        return f.params(jdbc.sql("select * from pj_project" + f.where()
                        + " order by unit_code, code offset :off rows fetch next :lim rows only"))
                .param("off", offset).param("lim", limit).query((rs, n) -> project(rs)).list();
    }

    /** Count and total amount (元) of the projects matching the filter. */
    public Totals totals(Filter f) {
        return f.params(jdbc.sql("select count(*), coalesce(sum(amount), 0) from pj_project" + f.where()))
                .query((rs, n) -> new Totals(rs.getLong(1), rs.getBigDecimal(2).setScale(2))).single();
    }

    public record Totals(long count, java.math.BigDecimal amount) {
    }

    public List<Project> ofUnit(String unitCode, int year) {
        return jdbc.sql("select * from pj_project where fiscal_year = :y and unit_code = :u order by code")
                .param("y", year).param("u", unitCode).query((rs, n) -> project(rs)).list();
    }

    public List<Transition> transitions(long projectId) {
        return jdbc.sql("select * from pj_project_transition where project_id = :p order by id").param("p", projectId)
                .query((rs, n) -> new Transition(rs.getLong("project_id"),
                        rs.getString("from_state") == null ? null : ProjectState.valueOf(rs.getString("from_state")),
                        ProjectState.valueOf(rs.getString("to_state")), rs.getString("actor"),
                        rs.getTimestamp("moved_at").toLocalDateTime(), rs.getString("note")))
                .list();
    }

    public int importCount() {
        return jdbc.sql("select count(*) from pj_project_import").query(Integer.class).single();
    }

    private long insert(Project p, Long importId, String actor, LocalDateTime now, String note) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into pj_project (fiscal_year, code, name, unit_code, agency, category, tag, item_code, function_code, "
                        + "economic_code, amount, state, import_id, updated_at) values (:y, :code, :name, :unit, :agency, :cat, :tag, "
                        + ":item, :fn, :ec, :amount, :state, :imp, :at)")
                .param("y", p.year()).param("code", p.code()).param("name", p.name()).param("unit", p.unitCode())
                .param("agency", p.agency()).param("cat", p.category().name()).param("tag", p.tag().name())
                .param("item", p.itemCode()).param("fn", p.functionCode()).param("ec", p.economicCode())
                .param("amount", p.amount()).param("state", p.state().name()).param("imp", importId)
                .param("at", Timestamp.valueOf(now)).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        transition(id, null, p.state(), actor, now, note);
        return id;
    }

    private void transition(long id, ProjectState from, ProjectState to, String actor, LocalDateTime at, String note) {
        jdbc.sql("insert into pj_project_transition (project_id, from_state, to_state, actor, moved_at, note) values (:p, :f, :t, :a, :at, :n)")
                .param("p", id).param("f", from == null ? null : from.name()).param("t", to.name()).param("a", actor)
                .param("at", Timestamp.valueOf(at)).param("n", note == null ? null : cut(note, 300)).update();
    }

    private static Project project(ResultSet rs) throws SQLException {
        return new Project(rs.getLong("id"), rs.getInt("fiscal_year"), rs.getString("code"), rs.getString("name"),
                rs.getString("unit_code"), rs.getString("agency"), Category.valueOf(rs.getString("category")),
                SanbaoTag.valueOf(rs.getString("tag")), rs.getString("item_code"), rs.getString("function_code"),
                rs.getString("economic_code"), rs.getBigDecimal("amount").setScale(2), ProjectState.valueOf(rs.getString("state")));
    }

    private static String project(Project p) {
        return "项目 " + p.year() + "/" + p.code() + " " + p.name();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
