package cn.sanbao.warnings.letter;

import cn.sanbao.shared.jdbc.PositionalRecordMapper;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class LetterTemplateRepository {

    private static final PositionalRecordMapper<LetterTemplate> TEMPLATE_ROW = PositionalRecordMapper.of(LetterTemplate.class);
    private static final PositionalRecordMapper<Replaced> REPLACED_ROW = PositionalRecordMapper.of(Replaced.class);

    private final JdbcClient jdbc;

    public LetterTemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public LetterTemplate current() {
        return jdbc.sql("select id, code, title, body, actions, office, doc_prefix, updated_by, updated_at "
                + "from warning_letter_template where code = 'DEFAULT'").query(TEMPLATE_ROW).single();
    }

    /**
     * The text a letter issued at {@code issued} was written with: the oldest earlier text replaced only after
     * that moment, else the current one. A template edit so never changes a letter already sent.
     */
    public LetterTemplate at(LocalDateTime issued) {
        return jdbc.sql("select id, code, title, body, actions, office, doc_prefix, updated_by, updated_at "
                        + "from warning_letter_template_history where code = 'DEFAULT' and replaced_at > ? order by id")
                .param(issued).query(TEMPLATE_ROW).list().stream().findFirst().orElseGet(this::current);
    }

    /** Earlier texts of the template, newest first; each with who wrote it and who replaced it. */
    public List<Replaced> history(int limit) {
        return jdbc.sql("select id, title, body, actions, office, doc_prefix, updated_by, updated_at, replaced_by, replaced_at "
                + "from warning_letter_template_history where code = 'DEFAULT' order by id desc").query(REPLACED_ROW)
                .list().stream().limit(limit).toList();
    }

    public record Replaced(long id, String title, String body, String actions, String office, String docPrefix,
                           String updatedBy, LocalDateTime updatedAt, String replacedBy, LocalDateTime replacedAt) {
    }

    /** Keeps the current text in the history before it is replaced: nothing a letter was built from is lost. */
    void update(String title, String body, String actions, String office, String docPrefix, String actor, LocalDateTime at) {
        jdbc.sql("insert into warning_letter_template_history (code, title, body, actions, office, doc_prefix, updated_by, "
                + "updated_at, replaced_by, replaced_at) select code, title, body, actions, office, doc_prefix, updated_by, "
                + "updated_at, ?, ? from warning_letter_template where code = 'DEFAULT'").params(actor, at).update();
        jdbc.sql("update warning_letter_template set title = ?, body = ?, actions = ?, office = ?, doc_prefix = ?, "
                        + "updated_by = ?, updated_at = ? where code = 'DEFAULT'")
                .params(title, body, actions, office, docPrefix, actor, at).update();
    }
}
