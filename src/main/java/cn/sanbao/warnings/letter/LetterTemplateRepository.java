package cn.sanbao.warnings.letter;

import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class LetterTemplateRepository {

    private final JdbcClient jdbc;

    public LetterTemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public LetterTemplate current() {
        return jdbc.sql("select id, code, title, body, actions, office, doc_prefix, updated_by, updated_at "
                + "from warning_letter_template where code = 'DEFAULT'").query(LetterTemplate.class).single();
    }

    void update(String title, String body, String actions, String office, String docPrefix, String actor, LocalDateTime at) {
        jdbc.sql("update warning_letter_template set title = ?, body = ?, actions = ?, office = ?, doc_prefix = ?, "
                        + "updated_by = ?, updated_at = ? where code = 'DEFAULT'")
                .params(title, body, actions, office, docPrefix, actor, at).update();
    }
}
