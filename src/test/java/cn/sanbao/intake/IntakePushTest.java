package cn.sanbao.intake;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.sanbao.facts.FactRepository;
import cn.sanbao.facts.FactValue;
import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.BothDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.math.BigDecimal;

/** The push API with idempotency keys, on both databases. Periods 2041+ belong to this class. */
@SpringBootTest
@AutoConfigureMockMvc
@BothDatabases
class IntakePushTest {

    static final RequestPostProcessor ANALYST = user("analyst").roles(Roles.ANALYST);
    static final RequestPostProcessor XIJI = user("xiji").authorities(() -> "ROLE_" + Roles.LOCAL, () -> Roles.SCOPE_PREFIX + "640422");

    @Autowired MockMvc mvc;
    @Autowired FactRepository facts;

    ResultActions push(RequestPostProcessor who, String key, String body) throws Exception {
        var req = post("/api/intake/push").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body).with(who);
        if (key != null) req.header("Idempotency-Key", key);
        return mvc.perform(req);
    }

    @Test
    void retryWithTheSameKeyReturnsTheOriginalResultAndStoresNothingNew() throws Exception {
        String key = "budget-system-" + System.nanoTime();
        String body = """
                {"period": "2041-03", "amountUnit": "万元",
                 "units": [{"unitCode": "640422", "values": {"cash_balance": 1234.5678, "paid_wage": "800.25"}}]}""";
        long rev = IntakeFileTest.revisionOf(push(ANALYST, key, body).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false")).andReturn());
        assertThat(facts.valuesOf(rev)).extracting(FactValue::amount)
                .containsExactlyInAnyOrder(new BigDecimal("12345678.00"), new BigDecimal("8002500.00"));
        int before = facts.revisions().size();
        // the retry re-serialises the same data differently
        String retry = "{\"units\":[{\"values\":{\"paid_wage\":\"800.25\",\"cash_balance\":1234.5678},\"unitCode\":\"640422\"}],"
                + "\"amountUnit\":\"万元\",\"period\":\"2041-03\"}";
        push(ANALYST, key, retry).andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.revisionId").value(rev));
        assertThat(facts.revisions()).hasSize(before);

        push(ANALYST, key, body.replace("1234.5678", "1300")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error", containsString("已用于另一份不同的推送数据")));
        assertThat(facts.revisions()).hasSize(before);
    }

    @Test
    void errorsComeBackAsStructuredJsonWithJsonPathsAndNothingIsStored() throws Exception {
        int before = facts.revisions().size();
        push(ANALYST, "bad-" + System.nanoTime(), """
                {"period": "2041-04", "units": [
                  {"unitCode": "640422", "values": {"paid_wage": -5, "cash_balance": "abc"}},
                  {"unitCode": "640400", "values": {"cash_balance": 1}},
                  {"unitCode": "640422", "values": {"nonsense_item": 1}}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems.length()").value(4))
                .andExpect(jsonPath("$.problems[?(@.column=='$.units[0].values.cash_balance')].reason").value("不是数字：“abc”"))
                .andExpect(jsonPath("$.problems[?(@.column=='$.units[0].values.paid_wage')].reason", org.hamcrest.Matchers.hasItem(containsString("不能为负数"))))
                .andExpect(jsonPath("$.problems[?(@.column=='$.units[1].unitCode')].reason", org.hamcrest.Matchers.hasItem(containsString("汇总单位"))))
                .andExpect(jsonPath("$.problems[?(@.column=='$.units[2].unitCode')].reason", org.hamcrest.Matchers.hasItem(containsString("重复出现"))));
        push(ANALYST, null, "{\"period\":\"2041-04\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("Idempotency-Key")));
        push(ANALYST, "k-" + System.nanoTime(), "not json").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].reason", containsString("不是有效的 JSON")));
        assertThat(facts.revisions()).hasSize(before);
    }

    @Test
    void concurrentRetriesWithOneKeyStoreOneRevision() throws Exception {
        String key = "race-" + System.nanoTime();
        String body = """
                {"period": "2041-06", "units": [{"unitCode": "640422", "values": {"cash_balance": 77}}]}""";
        int before = facts.revisions().size();
        java.util.List<java.util.concurrent.CompletableFuture<Long>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return IntakeFileTest.revisionOf(push(ANALYST, key, body).andReturn());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (var c : calls) ids.add(c.get());
        assertThat(ids).hasSize(1);
        assertThat(facts.revisions()).hasSize(before + 1);
    }

    @Test
    void countyUserMayPushOnlyItsOwnUnit() throws Exception {
        push(XIJI, "xiji-" + System.nanoTime(), """
                {"period": "2005-05", "units": [{"unitCode": "640104", "values": {"cash_balance": 1}}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].reason", containsString("无权报送 兴庆区（640104）")));
        push(XIJI, "xiji-" + System.nanoTime(), """
                {"period": "2005-05", "units": [{"unitCode": "640422", "values": {"cash_balance": 1}}]}""")
                .andExpect(status().isCreated());
    }
}
