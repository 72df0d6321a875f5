package cn.sanbao.warnings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarningRulesFileTest {

    static WarningRules read(String yaml) {
        return WarningRulesFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "rules.yaml");
    }

    static WarningRules shipped() {
        return WarningRulesFile.read(WarningRulesFileTest.class.getResourceAsStream("/warnings/warning-rules.yaml"), "默认规则");
    }

    @Test
    void shippedRulesWarnMediumHighAndAnyOverrideAndEscalateAtTwoThreeFourMonths() {
        WarningRules r = shipped();
        assertThat(r.raises("MEDIUM", List.of())).isTrue();
        assertThat(r.raises("HIGH", List.of())).isTrue();
        assertThat(r.raises("LOW", List.of())).isFalse();
        assertThat(r.raises("STABLE", List.of("CASH_FLOOR"))).isTrue();
        assertThat(r.escalationFor(1)).isEmpty();
        assertThat(r.escalationFor(2)).contains(EscalationLevel.NOTICE);
        assertThat(r.escalationFor(3)).contains(EscalationLevel.SUMMONS);
        assertThat(r.escalationFor(7)).contains(EscalationLevel.ACCOUNTABILITY);
        assertThat(r.recipients()).filteredOn(x -> x.type() == WarningRules.RecipientType.LEADER).singleElement()
                .satisfies(x -> assertThat(x.appliesTo("MEDIUM")).isFalse());
    }

    @Test
    void onlyListedOverridesWarnWhenAnyOverrideIsOff() {
        WarningRules r = read(shippedText().replace("anyOverride: true", "anyOverride: false\n  overrides: [ARREARS]"));
        assertThat(r.raises("LOW", List.of("ARREARS"))).isTrue();
        assertThat(r.raises("LOW", List.of("CASH_FLOOR"))).isFalse();
    }

    @Test
    void mistakesNameTheFileAndTheKeyInChinese() {
        assertThatThrownBy(() -> read(shippedText().replace("[SMS, WECHAT, EMAIL]", "[SMS, FAX]")))
                .hasMessage("预警规则文件 rules.yaml，项 recipients[0].channels：未知渠道 FAX（可用 SMS、WECHAT、EMAIL）");
        assertThatThrownBy(() -> read(shippedText().replace("level: SUMMONS", "level: 约谈")))
                .hasMessageStartingWith("预警规则文件 rules.yaml，项 escalation.steps[1].level：应为 NOTICE");
        assertThatThrownBy(() -> read(shippedText().replace("planDays: 10", "planDays: -1")))
                .hasMessage("预警规则文件 rules.yaml，项 deadlines.planDays：应为正整数，实际为 -1");
        assertThatThrownBy(() -> read("trigger: [1")).hasMessageStartingWith("预警规则文件 rules.yaml 无法读取");
    }

    private static String shippedText() {
        try (var in = WarningRulesFileTest.class.getResourceAsStream("/warnings/warning-rules.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
