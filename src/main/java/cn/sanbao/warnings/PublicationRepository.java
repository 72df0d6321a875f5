package cn.sanbao.warnings;

import cn.sanbao.shared.jdbc.PositionalRecordMapper;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Publications, warnings and contacts. */
@Repository
public class PublicationRepository {

    private static final String PUB = "id, period, run_id, published_by, published_at, warning_count, message_count";
    private static final String WARN = "id, publication_id, case_id, unit_code, period, grade, grade_name, total, overrides, "
            + "causes, escalation, letter_no, created_at";

    private static final PositionalRecordMapper<Contact> CONTACT_ROW = PositionalRecordMapper.of(Contact.class);

    private final JdbcClient jdbc;

    public PublicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertPublication(String period, long runId, String actor, LocalDateTime at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into warning_publication (period, run_id, published_by, published_at, warning_count, message_count) "
                + "values (?,?,?,?,0,0)").params(period, runId, actor, at).update(keys, "id");
        return keys.getKey().longValue();
    }

    void updateCounts(long id, int warnings, int messages) {
        jdbc.sql("update warning_publication set warning_count = ?, message_count = ? where id = ?")
                .params(warnings, messages, id).update();
    }

    public Optional<Publication> publicationForRun(long runId) {
        return jdbc.sql("select " + PUB + " from warning_publication where run_id = ?").param(runId)
                .query(Publication.class).optional();
    }

    /** The newest publication of a period (a re-run published later supersedes the earlier one). */
    public Optional<Publication> latestPublication(String period) {
        return jdbc.sql("select " + PUB + " from warning_publication where period = ? order by id desc")
                .param(period).query(Publication.class).list().stream().findFirst();
    }

    public Optional<Publication> publication(long id) {
        return jdbc.sql("select " + PUB + " from warning_publication where id = ?").param(id).query(Publication.class).optional();
    }

    public List<Publication> publications() {
        return jdbc.sql("select " + PUB + " from warning_publication order by id desc").query(Publication.class).list();
    }

    public boolean anyPublication() {
        return jdbc.sql("select count(*) from warning_publication").query(Long.class).single() > 0;
    }

    int nextLetterSeq(int year) {
        Integer max = jdbc.sql("select max(letter_seq) from warning where letter_year = ?").param(year)
                .query(Integer.class).optional().orElse(null);
        return max == null ? 1 : max + 1;
    }

    long insertWarning(long publicationId, long caseId, String unit, String period, String grade, String gradeName,
                       BigDecimal total, String overrides, String causes, String escalation, int year, int seq,
                       String letterNo, LocalDateTime at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into warning (publication_id, case_id, unit_code, period, grade, grade_name, total, overrides, "
                        + "causes, escalation, letter_year, letter_seq, letter_no, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(publicationId, caseId, unit, period, grade, gradeName, total, overrides, causes, escalation,
                        year, seq, letterNo, at)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Warning> warning(long id) {
        return jdbc.sql("select " + WARN + " from warning where id = ?").param(id).query(Warning.class).optional();
    }

    public List<Warning> warningsOfCase(long caseId) {
        return jdbc.sql("select " + WARN + " from warning where case_id = ? order by id").param(caseId)
                .query(Warning.class).list();
    }

    public List<Warning> warningsOfPublication(long publicationId) {
        return jdbc.sql("select " + WARN + " from warning where publication_id = ? order by id").param(publicationId)
                .query(Warning.class).list();
    }

    public List<Contact> contacts(String unitCode, String role) {
        return jdbc.sql("select id, unit_code, role, name, title, phone, wechat_key, email, active from warning_contact "
                        + "where unit_code = ? and role = ? and active = true order by id")
                .params(unitCode, role).query(CONTACT_ROW).list();
    }

    public List<Contact> contactsByRole(String role) {
        return jdbc.sql("select id, unit_code, role, name, title, phone, wechat_key, email, active from warning_contact "
                + "where role = ? and active = true order by id").param(role).query(CONTACT_ROW).list();
    }

    public long addContact(String unit, String role, String name, String title, String phone, String wechatKey, String email) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into warning_contact (unit_code, role, name, title, phone, wechat_key, email, active) "
                + "values (?,?,?,?,?,?,?,true)").params(unit, role, name, title, phone, wechatKey, email).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Every contact, stopped ones included, in region order of their unit codes. */
    public List<Contact> allContacts() {
        return jdbc.sql("select id, unit_code, role, name, title, phone, wechat_key, email, active from warning_contact "
                + "order by unit_code, role, id").query(CONTACT_ROW).list();
    }

    /** Returns false when there is no such contact. */
    public boolean setContactActive(long id, boolean active) {
        return jdbc.sql("update warning_contact set active = ? where id = ?").params(active, id).update() == 1;
    }

    public boolean hasContacts(String unit) {
        return jdbc.sql("select count(*) from warning_contact where unit_code = ?").param(unit).query(Long.class).single() > 0;
    }

    /** 文号 prefix of the letter template, e.g. 宁财预. */
    String docPrefix() {
        return jdbc.sql("select doc_prefix from warning_letter_template where code = 'DEFAULT'").query(String.class).single();
    }
}
