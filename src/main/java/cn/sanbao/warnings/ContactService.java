package cn.sanbao.warnings;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import cn.sanbao.audit.AuditLog;
import cn.sanbao.region.RegionTree;

/** Who is told of warnings: listed for the department, added by analysts (audited). */
@Service
public class ContactService {

    private final PublicationRepository repository;
    private final RegionTree regions;
    private final AuditLog audit;

    public ContactService(PublicationRepository repository, RegionTree regions, AuditLog audit) {
        this.repository = repository;
        this.regions = regions;
        this.audit = audit;
    }

    @PreAuthorize("hasAnyRole('ANALYST','LEADER')")
    public List<Contact> contacts(String unit) {
        List<Contact> out = new ArrayList<>();
        out.addAll(repository.contacts(unit, Contact.UNIT));
        out.addAll(repository.contacts(unit, Contact.LEADER));
        return out;
    }

    @PreAuthorize("hasAnyRole('ANALYST','LEADER')")
    public List<Contact> all() {
        return repository.allContacts();
    }

    /**
     * Active contacts of a unit in a role, for messages the platform sends by itself with no one signed in (the
     * daily cash watch's same-day warnings); people read the list through {@link #contacts(String)}.
     */
    public List<Contact> active(String unit, String role) {
        return repository.contacts(unit, role);
    }

    /** Active contacts in a role, any unit (leaders, analysts); for messages the platform sends by itself. */
    public List<Contact> activeInRole(String role) {
        return repository.contactsByRole(role);
    }

    /** A contact who left is stopped, not deleted: earlier messages still name who they went to. */
    @Transactional
    @PreAuthorize("hasRole('ANALYST')")
    public void setActive(long id, boolean active, String actor) {
        if (!repository.setContactActive(id, active)) throw new java.util.NoSuchElementException("没有编号为 " + id + " 的联系人");
        audit.record(actor, active ? "WARNING_CONTACT_RESUME" : "WARNING_CONTACT_STOP", String.valueOf(id), active ? "恢复接收预警" : "停止接收预警");
    }

    @Transactional
    @PreAuthorize("hasRole('ANALYST')")
    public long add(Contact c, String actor) {
        List<String> problems = new ArrayList<>();
        if (c.unitCode() == null || !regions.contains(c.unitCode())) problems.add("单位代码 " + c.unitCode() + " 不在区划树中");
        if (!List.of(Contact.UNIT, Contact.LEADER, Contact.ANALYST).contains(c.role()))
            problems.add("角色应为 UNIT（单位联系人）、LEADER（厅领导）或 ANALYST（监测分析员），实际为 " + c.role());
        if (c.name() == null || c.name().isBlank()) problems.add("姓名不能为空");
        tooLong(c.name() == null ? null : c.name().strip(), "姓名", 64, problems);
        tooLong(c.title(), "职务", 100, problems);
        tooLong(c.wechatKey(), "企业微信机器人 key", 200, problems);
        tooLong(c.email(), "邮箱", 200, problems);
        if (c.phone() != null && c.phone().length() > 32) problems.add("手机号不能超过 32 个字符");
        else if (c.phone() != null && !c.phone().isBlank() && !c.phone().matches("\\+?[0-9-]{5,20}")) problems.add("手机号 " + c.phone() + " 格式不正确");
        if (c.email() != null && !c.email().isBlank() && !c.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) problems.add("邮箱 " + cn.sanbao.shared.Decimals.quote(c.email()) + " 格式不正确");
        if (c.address("SMS") == null && c.address("WECHAT") == null && c.address("EMAIL") == null) problems.add("手机、企业微信机器人 key、邮箱至少填一项");
        if (!problems.isEmpty()) throw new IllegalArgumentException("联系人未保存：" + String.join("；", problems));
        long id = repository.addContact(c.unitCode(), c.role(), c.name().strip(), c.title(), c.phone(), c.wechatKey(), c.email());
        audit.record(actor, "WARNING_CONTACT_ADD", c.unitCode(), c.name() + "（" + c.role() + "）");
        return id;
    }

    /** Database column widths, checked here so that a long entry gets a message instead of a database error. */
    private static void tooLong(String value, String what, int max, List<String> problems) {
        if (value != null && value.length() > max) problems.add(what + "不能超过 " + max + " 个字符（实际 " + value.length() + " 个）");
    }
}
