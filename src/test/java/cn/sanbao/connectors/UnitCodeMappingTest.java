package cn.sanbao.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.sanbao.security.Roles;
import cn.sanbao.testsupport.BothDatabases;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The connector page's 单位代码对照: a table with a bad line (unknown platform unit, repeated source code, too long,
 * too many lines) is refused with the line and reason and changes nothing, not even the audit log.
 */
@SpringBootTest(properties = "sanbao.connectors.tick=PT1H")
@AutoConfigureMockMvc
@BothDatabases
class UnitCodeMappingTest {

    @Autowired ConnectorService connectors;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    long connector() {
        return connectors.save("analyst", new Connector(0, "对照" + System.nanoTime(), "jdbc:postgresql://127.0.0.1:1/ysyth", "reader",
                "0 0 6 * * *", Connector.PeriodRule.PREVIOUS_MONTH, true, 1000, 60, 2, 0, null, null, null), "x");
    }

    long audits(long id) {
        return jdbc.sql("select count(*) from audit_event where target = :t").param("t", "connector:" + id).query(Long.class).single();
    }

    @Test
    void aGoodTableReplacesTheOldOneAndIsAuditedOnce() {
        long id = connector();
        long before = audits(id);
        assertThat(connectors.saveUnitCodes("analyst", id, "# 源系统代码,平台单位代码\nDW640422,640422\n\nDW640104，640104\nDW640181\t640181"))
                .isEqualTo(3);
        assertThat(connectors.unitCodes(id)).isEqualTo(Map.of("DW640422", "640422", "DW640104", "640104", "DW640181", "640181"));
        assertThat(audits(id)).isEqualTo(before + 1);
    }

    @Test
    void unknownUnitsAndRepeatedSourceCodesAreNamedByLineAndNothingIsSaved() {
        long id = connector();
        connectors.saveUnitCodes("analyst", id, "DW640422,640422");
        long before = audits(id);
        assertThatThrownBy(() -> connectors.saveUnitCodes("analyst", id,
                "DW640104,640104\nDW1,999999\nDW640104,640181\n" + "X".repeat(65) + ",640422\nDW9"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("单位代码对照有错误，未保存：")
                .hasMessageContaining("第 2 行平台单位代码“999999”不存在")
                .hasMessageContaining("第 3 行源系统代码“DW640104”与第 1 行重复")
                .hasMessageContaining("第 4 行源系统代码超过 64 个字符")
                .hasMessageContaining("第 5 行应为“源系统代码,平台单位代码”：DW9");
        assertThat(connectors.unitCodes(id)).isEqualTo(Map.of("DW640422", "640422"));
        assertThat(audits(id)).isEqualTo(before);
    }

    @Test
    void tooManyLinesOrTooManyCharactersAreRefusedBeforeTheTableIsRead() {
        long id = connector();
        connectors.saveUnitCodes("analyst", id, "DW640422,640422");
        assertThatThrownBy(() -> connectors.saveUnitCodes("analyst", id, "A,640422\n".repeat(UnitCodeTable.MAX_LINES + 1)))
                .hasMessage("单位代码对照共 10001 行，最多 10000 行，未保存");
        assertThatThrownBy(() -> connectors.saveUnitCodes("analyst", id, "A".repeat(UnitCodeTable.MAX_CHARS + 1)))
                .hasMessageStartingWith("单位代码对照过大（").hasMessageContaining("未保存");
        assertThat(connectors.unitCodes(id)).isEqualTo(Map.of("DW640422", "640422"));
    }

    @Test
    void theConnectorPageShowsTheReason() throws Exception {
        long id = connector();
        var flash = mvc.perform(post("/connectors/" + id + "/unit-codes").with(csrf()).with(user("analyst").roles(Roles.ANALYST))
                        .param("codes", "DW1,<script>"))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        assertThat((String) flash.get("error")).isEqualTo("单位代码对照有错误，未保存：第 1 行平台单位代码“<script>”不存在（见区划中的单位代码）");
        assertThat(connectors.unitCodes(id)).isEmpty();
    }
}
