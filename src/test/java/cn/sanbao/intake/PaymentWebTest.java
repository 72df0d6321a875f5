package cn.sanbao.intake;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.BothDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;

/** Payment upload through the API with job polling, drill-down and the mapping endpoints. Year 2061 is this class's. */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class PaymentWebTest {

    static final RequestPostProcessor ANALYST = user("analyst").roles(Roles.ANALYST);
    static final RequestPostProcessor LEADER = user("leader").roles(Roles.LEADER);
    static final RequestPostProcessor XIJI = user("xiji").authorities(() -> "ROLE_" + Roles.LOCAL, () -> Roles.SCOPE_PREFIX + "640422");

    @Autowired MockMvc mvc;
    @Autowired PaymentJobRepository jobs;
    @Autowired PillarMappingService mappings;

    /** Uploads through the API and polls the job until it ends (at most 30 s). */
    PaymentJobRepository.Job uploadAndWait(String name, String csv, String period, RequestPostProcessor who) throws Exception {
        String body = mvc.perform(multipart("/api/intake/payments").with(csrf()).file(new MockMultipartFile("file", name, "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).param("period", period).with(who))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        long job = Long.parseLong(body.replaceAll("\\D*\"jobId\":(\\d+).*", "$1"));
        PaymentJobRepository.Job done = jobs.find(job);
        for (int i = 0; i < 300 && !done.finished(); i++) {
            Thread.sleep(100);
            done = jobs.find(job);
        }
        return done;
    }

    @Test
    void uploadRunsAsAJobWhoseProgressAndResultCanBePolledAndDrilledInto() throws Exception {
        String csv = PaymentTest.HEADER + "\n640422,2009-01-05,1000.00,2010101,30101,P-1,县财政局\n"
                + "640422,2009-01-06,300.00,2130101,30399,P-2,农业农村局\n";
        PaymentJobRepository.Job done = uploadAndWait("支付.csv", csv, "2009-01", XIJI);
        long job = done.id();
        assertThat(done.status()).as(done.message()).isEqualTo(PaymentJobRepository.Status.DONE);
        assertThat(done.rowsDone()).isEqualTo(2);
        mvc.perform(get("/api/intake/payments/jobs/" + job).with(XIJI)).andExpect(jsonPath("$.revisionId").value(done.revisionId()));
        mvc.perform(get("/api/intake/payments/" + done.revisionId()).with(ANALYST)).andExpect(status().isOk())
                .andExpect(jsonPath("$.totals.640422.WAGE").value(1000.00))
                .andExpect(jsonPath("$.unclassified[0].economicCode").value("30399"));
        mvc.perform(get("/api/intake/payments/" + done.revisionId() + "/units/640422/pillars/wage").with(XIJI))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].projectCode").value("P-1"));
        mvc.perform(get("/api/intake/payments/" + done.revisionId() + "/units/640104/pillars/wage").with(XIJI))
                .andExpect(status().isForbidden());
        mvc.perform(get("/intake/payments/jobs/" + job + "/status").with(XIJI)).andExpect(status().isOk())
                .andExpect(content().string(containsString("状态：<b>完成</b>")));
        mvc.perform(get("/intake/payments/" + done.revisionId()).with(ANALYST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("西吉县"))).andExpect(content().string(containsString("30399")));
        mvc.perform(get("/intake/payments/" + done.revisionId() + "/units/640422/pillars/UNCLASSIFIED").with(ANALYST))
                .andExpect(status().isOk()).andExpect(content().string(containsString("农业农村局")));
    }

    @Test
    void aRejectedJobKeepsItsErrorsAsAListWithFileRowColumnAndReason() throws Exception {
        String csv = PaymentTest.HEADER + "\n640422,2061-02-05,1000.00,2010101,30101,P-1,县财政局\n"
                + "640422,2061-02-06,一千,2010101,30101,P-1,县财政局\n640422,2061-03-01,5.00,2010101,30101,P-1,县财政局\n";
        PaymentJobRepository.Job done = uploadAndWait("二月支付.csv", csv, "2061-02", ANALYST);
        long job = done.id();
        assertThat(done.status()).isEqualTo(PaymentJobRepository.Status.REJECTED);
        assertThat(done.revisionId()).isNull();
        mvc.perform(get("/api/intake/payments/jobs/" + job).with(ANALYST)).andExpect(status().isOk())
                .andExpect(jsonPath("$.problems.length()").value(2))
                .andExpect(jsonPath("$.problems[0].file").value("二月支付.csv"))
                .andExpect(jsonPath("$.problems[0].row").value(3))
                .andExpect(jsonPath("$.problems[0].column").value("第3列"))
                .andExpect(jsonPath("$.problems[0].reason").value("金额不是数字：“一千”"))
                .andExpect(jsonPath("$.problems[1].row").value(4))
                .andExpect(jsonPath("$.problems[1].reason", containsString("不在所选期间")));
        mvc.perform(get("/intake/payments/jobs/" + job + "/status").with(ANALYST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("错误清单")))
                .andExpect(content().string(containsString("金额不是数字：“一千”")));
    }

    @Test
    void onlyAnalystsEditTheMapping() throws Exception {
        String current = mvc.perform(get("/api/intake/pillar-mapping").with(LEADER)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(current).contains("ECONOMIC,30101,WAGE,30,基本工资");
        mvc.perform(put("/api/intake/pillar-mapping").with(csrf()).contentType("text/csv").content(current).with(LEADER)).andExpect(status().isForbidden());
        mvc.perform(put("/api/intake/pillar-mapping").with(csrf()).contentType("text/csv").content("code_kind,prefix\nX,1\n").with(ANALYST))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.details[0]", containsString("缺少必需的列")));
        mvc.perform(get("/intake/pillar-mapping").with(ANALYST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("机关事业单位基本养老保险缴费")));
        long version = mappings.current().version();
        mvc.perform(put("/api/intake/pillar-mapping").contentType("text/csv").with(ANALYST).with(csrf())
                        .content(current.replace("基本工资", "名".repeat(201))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.details[0]", containsString("name 列：长度不能超过 200 个字符（实际 201 个）")));
        assertThat(mappings.current().version()).isEqualTo(version);
    }

    @Test
    void mappingExportQuotesCommasAndNeutralisesFormulas() throws Exception {
        String current = mvc.perform(get("/api/intake/pillar-mapping").with(ANALYST)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String hostile = current.stripTrailing() + "\r\nECONOMIC,39999,NONE,1,\"=HYPERLINK(\"\"http://x\"\"),工资,津贴\"\r\n";
        try {
            mvc.perform(put("/api/intake/pillar-mapping").with(csrf()).contentType("text/csv").content(hostile).with(ANALYST)).andExpect(status().isOk());
            String exported = mvc.perform(get("/api/intake/pillar-mapping").with(ANALYST)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(exported).contains("ECONOMIC,39999,NONE,1,\"'=HYPERLINK(\"\"http://x\"\"),工资,津贴\"")
                    .doesNotContain(",=HYPERLINK");
            // the export re-imports to the same rules
            mvc.perform(put("/api/intake/pillar-mapping").with(csrf()).contentType("text/csv").content(exported).with(ANALYST)).andExpect(status().isOk());
            assertThat(mvc.perform(get("/api/intake/pillar-mapping").with(ANALYST)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                    .isEqualTo(exported);
        } finally {
            mvc.perform(put("/api/intake/pillar-mapping").with(csrf()).contentType("text/csv").content(current).with(ANALYST)).andExpect(status().isOk());
        }
    }
}
