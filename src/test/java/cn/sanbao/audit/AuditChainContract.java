package cn.sanbao.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The hash chain notices altered and deleted records; concurrent writers keep one chain; the auditor's screens. */
@SpringBootTest
@AutoConfigureMockMvc
abstract class AuditChainContract {

    static final RequestPostProcessor AUDITOR = user("auditor").roles("AUDITOR");

    @Autowired AuditLog audit;
    @Autowired AuditTrail trail;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void concurrentWritersKeepOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) audit.record("worker" + thread, "CHAIN_TEST", "n" + i, "并发写入");
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
        ChainCheck check = trail.verify();
        assertThat(check.reason()).isNull();
        assertThat(check.intact()).isTrue();
        assertThat(check.checked()).isGreaterThanOrEqualTo(100);
    }

    @Test
    synchronized void alteringARecordWithSqlIsFoundAndNamed() throws Exception {
        audit.record("zhaoliu", "FACT_IMPORT", "revision:tamper", "导入 3 月月报");
        audit.record("zhaoliu", "SCORING_RUN", "2021-03", "运行");
        long id = jdbc.sql("select max(id) from audit_event where target = 'revision:tamper'").query(Long.class).single();
        String original = jdbc.sql("select detail from audit_event where id = ?").param(id).query(String.class).single();
        jdbc.sql("update audit_event set detail = ? where id = ?").params("导入 4 月月报", id).update();
        try {
            ChainCheck check = trail.verify();
            assertThat(check.intact()).isFalse();
            assertThat(check.brokenId()).isEqualTo(id);
            mvc.perform(post("/audit/verify").with(AUDITOR).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("审计链被破坏")))
                    .andExpect(content().string(containsString("#" + id)));
        } finally {
            // the database is shared with other test classes: put the record back as it was
            jdbc.sql("update audit_event set detail = ? where id = ?").params(original, id).update();
        }
        assertThat(trail.verify().intact()).isTrue();
    }

    @Test
    void searchAndExcelExportForTheAuditorOnly() throws Exception {
        audit.record("sunqi", "MODEL_PUBLISH", "model:x:7", "发布模型用于检索测试", "10.1.2.3");
        mvc.perform(get("/audit").param("actor", "sunqi").with(AUDITOR))
                .andExpect(status().isOk()).andExpect(content().string(containsString("发布模型用于检索测试")));
        mvc.perform(get("/audit").with(user("analyst").roles("ANALYST"))).andExpect(status().isForbidden());
        byte[] xlsx = mvc.perform(get("/audit/export").param("actor", "sunqi").with(AUDITOR))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("操作人");
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("sunqi");
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("发布模型");
            assertThat(sheet.getRow(2).getCell(6).getStringCellValue()).isEqualTo("10.1.2.3");
        }
        assertThat(audit.recent(3)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("auditor");
            assertThat(e.action()).isEqualTo("EXPORT");
            assertThat(e.detail()).contains("操作人=sunqi");
        });
    }
}
