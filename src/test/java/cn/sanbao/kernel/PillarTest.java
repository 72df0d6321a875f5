package cn.sanbao.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PillarTest {

    @Test
    void eachPillarNamesItsChineseLabelAndDataItems() {
        assertThat(Pillar.WAGE.label()).isEqualTo("保工资");
        assertThat(Pillar.OPERATION.label()).isEqualTo("保运转");
        assertThat(Pillar.LIVELIHOOD.label()).isEqualTo("保基本民生");
        assertThat(Pillar.OTHER_RIGID.label()).isEqualTo("其他刚性支出");
        assertThat(Pillar.LIVELIHOOD.budgetItem()).isEqualTo("budget_livelihood");
        assertThat(Pillar.OTHER_RIGID.paidItem()).isEqualTo("paid_other_rigid");
        assertThat(Pillar.OPERATION.demandItem()).isEqualTo("demand_operation");
        assertThat(Pillar.OTHER_RIGID.demandItem()).as("other rigid spending has no demand item").isNull();
    }

    @Test
    void theThreeSanbaoPillarsAreTheCountedOnesWithoutOtherRigidSpending() {
        assertThat(Pillar.SANBAO).containsExactly(Pillar.WAGE, Pillar.OPERATION, Pillar.LIVELIHOOD);
        assertThat(Pillar.COUNTED).containsExactly(Pillar.WAGE, Pillar.OPERATION, Pillar.LIVELIHOOD, Pillar.OTHER_RIGID);
        assertThat(Pillar.SANBAO).allMatch(Pillar::isSanbao);
        assertThat(Pillar.OTHER_RIGID.isSanbao()).isFalse();
        assertThat(Pillar.paidItems(Pillar.SANBAO)).containsExactly("paid_wage", "paid_operation", "paid_livelihood");
        assertThat(Pillar.budgetItems(Pillar.SANBAO)).containsExactly("budget_wage", "budget_operation", "budget_livelihood");
        assertThat(Pillar.demandItems(Pillar.SANBAO)).containsExactly("demand_wage", "demand_operation", "demand_livelihood");
    }

    @Test
    void storedNamesAndChineseLabelsParse() {
        // constant names are stored in database columns and files: they must keep parsing
        for (Pillar p : Pillar.values()) {
            assertThat(Pillar.parse(p.name())).isSameAs(p);
            assertThat(Pillar.parse(p.name().toLowerCase())).isSameAs(p);
            assertThat(Pillar.parse(p.label())).isSameAs(p);
        }
        assertThat(Pillar.parse("非三保")).isNull();
        assertThat(Pillar.parse(null)).isNull();
        assertThat(Pillar.parseSanbao("保运转")).isSameAs(Pillar.OPERATION);
        assertThat(Pillar.parseSanbao("OTHER_RIGID")).isNull();
        assertThat(Pillar.parseSanbao("其他刚性支出")).isNull();
        assertThat(List.of(Pillar.values())).extracting(Enum::name)
                .containsExactly("WAGE", "OPERATION", "LIVELIHOOD", "OTHER_RIGID");
    }
}
