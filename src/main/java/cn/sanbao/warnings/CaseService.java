package cn.sanbao.warnings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.region.RegionTree;
import cn.sanbao.security.UnitScope;
import cn.sanbao.shared.web.Page;
import cn.sanbao.shared.web.PageRequest;

/**
 * The case workflow: the unit answers with a plan (and may attach it), the department accepts or returns
 * it, and closes the case with a recorded reason. Every step is a history line and an audit entry.
 * Unit scope is checked here, so every caller (page or API) gets it.
 */
@Service
public class CaseService {

    /** Plans are documents and scans; anything executable is refused by type, see docs/warnings.md. */
    static final Set<String> ALLOWED_TYPES = Set.of("application/pdf", "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "image/png", "image/jpeg", "text/plain",
            "application/zip", "application/octet-stream");

    private final CaseRepository cases;
    private final RegionTree regions;
    private final UnitScope scope;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxAttachmentBytes;
    private final CaseGrades grades;

    CaseService(CaseRepository cases, RegionTree regions, UnitScope scope, AuditLog audit, ObjectProvider<Clock> clock,
                @Value("${sanbao.warnings.attachment.max-bytes:10485760}") long maxAttachmentBytes, CaseGrades grades) {
        this.grades = grades;
        this.cases = cases;
        this.regions = regions;
        this.scope = scope;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    /** gradeName: the case's grade as the model in force for its latest period names it (see {@link CaseGrades}). */
    public record CaseRow(WarningCase c, String unitName, String cityName, boolean overdue, String gradeName) {
    }

    /** Cases the user may see; filters are optional (null = any). The whole list, for exports and the API. */
    public List<CaseRow> list(String grade, String status, Boolean overdue, String city) {
        LocalDate today = LocalDate.now(clock);
        return cases.find(filter(grade, status, overdue, city, today), 0, Integer.MAX_VALUE).stream()
                .map(row(today)).toList();
    }

    /** One page of the cases the user may see, filtered and counted in SQL. */
    public Page<CaseRow> page(String grade, String status, Boolean overdue, String city, PageRequest page) {
        LocalDate today = LocalDate.now(clock);
        CaseRepository.CaseFilter f = filter(grade, status, overdue, city, today);
        return Page.of(cases.find(f, page.offset(), page.size()).stream().map(row(today)).toList(), page, cases.count(f));
    }

    /** Unit scope and the city filter become a list of unit codes (null: every unit). */
    private CaseRepository.CaseFilter filter(String grade, String status, Boolean overdue, String city, LocalDate today) {
        boolean anyCity = city == null || city.isBlank();
        Set<String> units = null;
        if (!scope.seesAll() || !anyCity) {
            var visible = scope.visible();
            units = new java.util.HashSet<>();
            for (var u : regions.all())
                if (visible.test(u.code()) && (anyCity || regions.isWithin(u.code(), city))) units.add(u.code());
        }
        return new CaseRepository.CaseFilter(units, grade, status, overdue, today);
    }

    public CaseRow get(long id) {
        WarningCase c = cases.find(id).orElseThrow(() -> new NoSuchElementException("预警事项 #" + id + " 不存在"));
        scope.require(c.unitCode());
        return row(LocalDate.now(clock)).apply(c);
    }

    private java.util.function.Function<WarningCase, CaseRow> row(LocalDate today) {
        var gradeNames = grades.lookup();
        return c -> new CaseRow(c, regions.unit(c.unitCode()).map(u -> u.name()).orElse(c.unitCode()),
                regions.cityOf(c.unitCode()).map(u -> u.name()).orElse(""), c.overdue(today), gradeNames.apply(c));
    }

    /** The unit reports its rectification plan (text, optionally a file). */
    @Transactional
    @PreAuthorize("hasAnyRole('LOCAL','ANALYST')")
    public void submitPlan(long id, String actor, String plan) {
        WarningCase c = get(id).c();
        if (plan == null || plan.isBlank()) throw new IllegalArgumentException("请填写整改方案内容");
        move(c, CaseStatus.WARNED, CaseStatus.PLAN_SUBMITTED, actor, "PLAN_SUBMITTED", plan.strip(), null);
    }

    @Transactional
    @PreAuthorize("hasRole('ANALYST')")
    public void acceptPlan(long id, String actor, String note) {
        move(get(id).c(), CaseStatus.PLAN_SUBMITTED, CaseStatus.RECTIFYING, actor, "PLAN_ACCEPTED", note, null);
    }

    @Transactional
    @PreAuthorize("hasRole('ANALYST')")
    public void returnPlan(long id, String actor, String reason) {
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("退回整改方案须说明理由");
        move(get(id).c(), CaseStatus.PLAN_SUBMITTED, CaseStatus.WARNED, actor, "PLAN_RETURNED", reason.strip(), null);
    }

    /** 销号: only from 整改中, and only with a reason. */
    @Transactional
    @PreAuthorize("hasRole('ANALYST')")
    public void close(long id, String actor, String reason) {
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("销号必须填写销号理由");
        move(get(id).c(), CaseStatus.RECTIFYING, CaseStatus.CLOSED, actor, "CLOSED", reason.strip(), reason.strip());
    }

    @Transactional
    @PreAuthorize("hasAnyRole('LOCAL','ANALYST')")
    public void comment(long id, String actor, String text) {
        WarningCase c = get(id).c();
        if (text == null || text.isBlank()) throw new IllegalArgumentException("意见内容不能为空");
        cases.event(c.id(), LocalDateTime.now(clock), actor, "COMMENT", null, null, text.strip());
        audit.record(actor, "WARNING_CASE_COMMENT", "case:" + c.id(), text.strip());
    }

    @Transactional
    @PreAuthorize("hasAnyRole('LOCAL','ANALYST')")
    public long attach(long id, String actor, String fileName, String contentType, byte[] content) {
        WarningCase c = get(id).c();
        if (content == null || content.length == 0) throw new IllegalArgumentException("附件 " + fileName + " 是空文件");
        if (content.length > maxAttachmentBytes)
            throw new IllegalArgumentException("附件 " + fileName + " 大小 " + content.length / 1024 + " KB，超过上限 "
                    + maxAttachmentBytes / 1024 / 1024 + " MB");
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        if (!ALLOWED_TYPES.contains(type)) throw new IllegalArgumentException("附件 " + fileName + " 的类型 " + type + " 不允许上传（仅限文档、表格、图片、压缩包）");
        String name = fileName == null || fileName.isBlank() ? "附件" : fileName.replaceAll("[\\\\/\\r\\n]", "_");
        LocalDateTime now = LocalDateTime.now(clock);
        long attachmentId = cases.attach(c.id(), name, type, content, actor, now);
        cases.event(c.id(), now, actor, "ATTACHMENT", null, null, name + "（" + content.length + " 字节）");
        audit.record(actor, "WARNING_CASE_ATTACHMENT", "case:" + c.id(), name);
        return attachmentId;
    }

    private void move(WarningCase c, CaseStatus from, CaseStatus to, String actor, String action, String detail, String closeReason) {
        if (c.caseStatus() != from)
            throw new IllegalArgumentException("预警事项 #" + c.id() + " 当前状态为" + c.statusLabel() + "，不能" + new CaseEvent(0, 0, null, null, action, null, null, null).actionLabel());
        LocalDateTime now = LocalDateTime.now(clock);
        if (!cases.changeStatus(c.id(), from, to, now, closeReason))
            throw new IllegalArgumentException("预警事项 #" + c.id() + " 已被他人处理，请刷新后重试");
        cases.event(c.id(), now, actor, action, from, to, detail);
        audit.record(actor, "WARNING_CASE_" + action, "case:" + c.id() + " " + c.unitCode(), from.label() + " → " + to.label()
                + (detail == null ? "" : "：" + detail));
    }
}
