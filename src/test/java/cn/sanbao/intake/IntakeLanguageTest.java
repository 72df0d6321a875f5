package cn.sanbao.intake;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.sanbao.facts.FactRepository;
import cn.sanbao.monitoring.ResultRepository;
import cn.sanbao.monitoring.ScoringRunService;
import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.BothDatabases;
import cn.sanbao.testsupport.DemoData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;

/** Every 数据报送 screen is Chinese by default and English with ?lang=en. Year 2071 is this class's. */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class IntakeLanguageTest {

    static final RequestPostProcessor ANALYST = user("analyst").roles(Roles.ANALYST);
    static final RequestPostProcessor XIJI = user("xiji").authorities(() -> "ROLE_" + Roles.LOCAL, () -> "SCOPE_640422");

    @Autowired MockMvc mvc;
    @Autowired PaymentJobRepository jobs;
    @Autowired FactRepository facts;
    @Autowired ScoringRunService scoring;
    @Autowired ResultRepository results;

    @BeforeEach
    void demo() {
        DemoData.ensureLoaded(facts, scoring, results);
    }

    String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    String en(String path, RequestPostProcessor who) throws Exception {
        return page(path + (path.contains("?") ? "&" : "?") + "lang=en", who);
    }

    /** Uploads through the API and waits for the job to end (at most 30 s). */
    PaymentJobRepository.Job uploadAndWait(String name, String csv, String period) throws Exception {
        String body = mvc.perform(multipart("/api/intake/payments").with(csrf()).file(new MockMultipartFile("file", name, "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8))).param("period", period).with(XIJI))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        PaymentJobRepository.Job job = jobs.find(Long.parseLong(body.replaceAll("\\D*\"jobId\":(\\d+).*", "$1")));
        for (int i = 0; i < 300 && !job.finished(); i++) {
            Thread.sleep(100);
            job = jobs.find(job.id());
        }
        return job;
    }

    void bothLanguages(String path, RequestPostProcessor who, String english, String chinese) throws Exception {
        assertThat(en(path, who)).as(path).contains("<html lang=\"en\"", english).doesNotContain("??", chinese);
        assertThat(page(path, who)).as(path).contains("<html lang=\"zh-CN\"", chinese).doesNotContain("??", english);
    }

    @Test
    void formsAndMappingInBothLanguages() throws Exception {
        for (RequestPostProcessor who : new RequestPostProcessor[] {ANALYST, XIJI}) {
            bothLanguages("/intake", who, "1. Download a reporting template", "1. 下载报送模板");
            bothLanguages("/intake/payments", who, "Payment detail import", "上传并导入");
        }
        bothLanguages("/intake/pillar-mapping", ANALYST, "Pillar mapping (version", "三保科目配置（第");

        String upload = en("/intake", ANALYST);
        assertThat(upload).contains("Amount unit", "10,000 yuan", "Monthly report", "Upload and check", "Re-score this period")
                .doesNotContain("金额单位", "上传并检查", "年度计划", "导入成功后重新评分");
        assertThat(upload).contains("<option value=\"万元\">10,000 yuan</option>");
        assertThat(page("/intake", ANALYST)).contains("<label>期间 <input", "<option value=\"万元\">万元</option>",
                "导入成功后重新评分该期间", "月报含月报及周报数据项");
        String payments = en("/intake/payments", XIJI);
        assertThat(payments).contains("Uploaded by", "Upload and import").doesNotContain("上传人", "导入成功后重新评分该月");
        String mapping = en("/intake/pillar-mapping", ANALYST);
        assertThat(mapping).contains("Code type", "Version history", "Save as new version")
                .doesNotContain("代码类型", "历史版本", "保存为新版本", "修改说明");
        // data stays as it is: the rule names
        assertThat(mapping).contains("基本工资");
    }

    @Test
    void paymentJobSummaryAndDrillDownInBothLanguages() throws Exception {
        String csv = PaymentTest.HEADER + "\n640422,2008-01-05,1000.00,2010101,30101,P-1,县财政局\n"
                + "640422,2008-01-06,300.00,2130101,30399,P-2,农业农村局\n";
        PaymentJobRepository.Job done = uploadAndWait("支付.csv", csv, "2008-01");
        assertThat(done.status()).as(done.message()).isEqualTo(PaymentJobRepository.Status.DONE);
        long rev = done.revisionId();

        bothLanguages("/intake/payments/jobs/" + done.id(), XIJI, "Payment detail import #" + done.id(), "支付明细导入 #" + done.id());
        String status = en("/intake/payments/jobs/" + done.id() + "/status", XIJI);
        assertThat(status).contains("Status: ", "rows processed", "View each unit").doesNotContain("??", "状态：", "已处理");
        assertThat(page("/intake/payments/jobs/" + done.id() + "/status", XIJI)).contains("状态：<b>完成</b>（", "已处理 <b>2</b> 行");

        bothLanguages("/intake/payments/" + rev, ANALYST, "payment detail: totals for the month", "支付明细：本月合计（万元）");
        assertThat(en("/intake/payments/" + rev, ANALYST)).contains("Unclassified code combinations", "Payments")
                .doesNotContain("未分类的代码组合", "笔数").contains("西吉县");
        bothLanguages("/intake/payments/" + rev + "/units/640422/pillars/wage", XIJI, "Payment date", "支付日期");
        assertThat(en("/intake/payments/" + rev + "/units/640422/pillars/wage", XIJI))
                .contains("payment detail (data revision #" + rev + ")", "Budget agency", "Back to totals")
                .doesNotContain("预算单位", "返回合计");

        String bad = PaymentTest.HEADER + "\n640422,2008-02-05,一千,2010101,30101,P-1,县财政局\n";
        PaymentJobRepository.Job rejected = uploadAndWait("二月.csv", bad, "2008-02");
        assertThat(rejected.status()).isEqualTo(PaymentJobRepository.Status.REJECTED);
        bothLanguages("/intake/payments/jobs/" + rejected.id(), XIJI, "Errors (nothing from the file was stored)", "错误清单（整份文件未入库）");
    }
}
