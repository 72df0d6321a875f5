package cn.sanbao.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.Xlsx;

/**
 * 导入后重新评分记录: every request an import made, newest first, paged on the server and exported whole to Excel;
 * analysts only. Revisions 9,100,001 and up are this class's own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class RescoringListTest {

    static final RequestPostProcessor ANALYST = user("analyst").roles("ANALYST");
    static final RequestPostProcessor XIJI = user("xiji").authorities(() -> "ROLE_LOCAL", () -> "SCOPE_640422");
    static final long FIRST = 9_100_001L;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void sixtyRequests() {
        jdbc.sql("delete from rescoring_request").update();
        for (int i = 0; i < 60; i++)
            jdbc.sql("insert into rescoring_request values (?, '2021-03', 'analyst', ?, ?, ?)")
                    .params(FIRST + i, Timestamp.valueOf(LocalDateTime.of(2022, 1, 5, 9, 0).plusMinutes(i)),
                            i % 2 == 0 ? 1234L + i : null, i % 2 == 0 ? null : "2021年3月没有已发布的监测模型").update();
    }

    /** Its rows would otherwise be the newest ten on 监测结果 for every later test of this database. */
    @AfterEach
    void removeTheRows() {
        jdbc.sql("delete from rescoring_request where revision_id >= ?").param(FIRST).update();
    }

    @Test
    void theListPagesNewestFirstAndTheExportHoldsEveryRequest() throws Exception {
        String first = mvc.perform(get("/monitoring/rescorings").with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(first).contains("#" + (FIRST + 59)).doesNotContain("#" + (FIRST + 9) + "<").contains("共 60 条")
                .contains("2021年3月").contains("已运行：监测运行 #1292").contains("未运行：2021年3月没有已发布的监测模型")
                .doesNotContain("1,292");
        String second = mvc.perform(get("/monitoring/rescorings?page=2").with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(second).contains("#" + FIRST + "<").doesNotContain("#" + (FIRST + 59) + "<");

        Xlsx x = Xlsx.read(mvc.perform(get("/monitoring/rescorings/export").with(ANALYST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(x.rows()).hasSize(60);
        assertThat(x.column("期间")).containsOnly("2021年3月");
        assertThat(x.column("数据修订").get(0)).isEqualTo("#" + (FIRST + 59));
        assertThat(x.column("结果")).contains("已运行：监测运行 #1292", "未运行：2021年3月没有已发布的监测模型");
    }

    @Test
    void aCountyUserCannotOpenOrExportIt() throws Exception {
        mvc.perform(get("/monitoring/rescorings").with(XIJI)).andExpect(status().isForbidden());
        mvc.perform(get("/monitoring/rescorings/export").with(XIJI)).andExpect(status().isForbidden());
    }
}
