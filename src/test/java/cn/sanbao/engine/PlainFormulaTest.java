package cn.sanbao.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Formulas and bands as an official reads them: Chinese names, ordinary signs, units of the indicator. */
class PlainFormulaTest {

    static final ScoringModel MODEL = TestModels.defaultModel();
    static final Vocabulary WORDS = Vocabulary.of(MODEL);

    static String say(String formula) {
        return PlainFormula.text(formula, WORDS);
    }

    @Test
    void operatorsAndParenthesesUseNamesAndOrdinarySigns() {
        assertThat(say("paid_wage / (budget_wage * T)")).isEqualTo("保工资累计支出 ÷（保工资预算安排 × 时序进度）");
        assertThat(say("(temp_payment_opening - temp_payment_balance) / (temp_payment_target * T)"))
                .isEqualTo("（暂付款年初余额 − 暂付款余额）÷（暂付款年度压缩目标 × 时序进度）");
        assertThat(say("demand_wage + demand_operation + demand_livelihood"))
                .isEqualTo("保工资支出需求 + 保运转支出需求 + 保基本民生支出需求");
        assertThat(say("cash_balance / (demand / 12)")).isEqualTo("国库库款余额 ÷（三保支出需求 ÷ 12）");
        assertThat(say("-cash_balance")).isEqualTo("−国库库款余额");
    }

    @Test
    void functionsComparisonsAndConditions() {
        assertThat(say("max(0, revenue_budget * T - revenue_to_date) / fiscal_capacity"))
                .isEqualTo("较大值（0，一般公共预算收入预算 × 时序进度 − 一般公共预算收入累计）÷ 可用财力");
        assertThat(say("min(abs(cash_balance), 1)")).isEqualTo("较小值（绝对值（国库库款余额），1）");
        assertThat(say("debt_service_due > 0 ? debt_service_funded / debt_service_due : 1"))
                .isEqualTo("当法定债务应还本付息累计 > 0时为法定债务已还本付息累计 ÷ 法定债务应还本付息累计，否则为1");
        assertThat(say("wage_arrears + livelihood_arrears > 0")).isEqualTo("工资拖欠余额 + 基本民生拖欠余额 > 0");
        assertThat(say("CASH_COVERAGE < 0.3 && total >= 60 || total != 1 and T <= 0.5"))
                .isEqualTo("库款保障倍数 < 0.3 且 总分 ≥ 60 或 总分 ≠ 1 且 时序进度 ≤ 0.5");
        assertThat(say("!(total == 1)")).isEqualTo("非（总分 = 1）");
    }

    @Test
    void decisionTableLevelsAndCountsAreNamed() {
        ScoringModel letters = cn.sanbao.engine.Models.load(java.nio.file.Path.of("samples/models/letter-grades.yaml"));
        Vocabulary words = Vocabulary.of(letters);
        assertThat(PlainFormula.text("CASH == 'RED' || count_ORANGE >= 2", words))
                .isEqualTo("库款保障倍数 = 红灯 或 “橙灯”指标个数 ≥ 2");
    }

    @Test
    void unreadableTextIsReturnedAsWritten() {
        assertThat(say("paid_wage / (budget_wage")).isEqualTo("paid_wage / (budget_wage");
        assertThat(say("a # b")).isEqualTo("a # b");
        assertThat(say(null)).isNull();
    }

    @Test
    void bandsWithOpenAndClosedEdgesInTheIndicatorsUnit() {
        assertThat(PlainBand.text("[0.92, 1)", "percent")).isEqualTo("≥ 92% 且 < 100%");
        assertThat(PlainBand.text("(-inf, 0.92)", "percent")).isEqualTo("< 92%");
        assertThat(PlainBand.text("(1.05, 1.10]", "percent")).isEqualTo("> 105% 且 ≤ 110%");
        assertThat(PlainBand.text("[0, 0]", "percent")).isEqualTo("= 0%");
        assertThat(PlainBand.text("[1.5, +inf)", "multiple")).isEqualTo("≥ 1.5 倍");
        assertThat(PlainBand.text("[1.0, 1.5)", "multiple")).isEqualTo("≥ 1 倍 且 < 1.5 倍");
        assertThat(PlainBand.text("(100000, 352000.5]", "money")).isEqualTo("> 10 万元 且 ≤ 35.20005 万元");
        assertThat(PlainBand.text("(-inf, 10]", "number")).isEqualTo("≤ 10");
        assertThat(PlainBand.text("(-inf, +inf)", "number")).isEqualTo("任意值");
        assertThat(PlainBand.text("线性插值", "percent")).isEqualTo("线性插值");
    }

    @Test
    void valuesUseTheIndicatorsFormat() {
        assertThat(WORDS.value("CASH_COVERAGE", new BigDecimal("0.25"))).isEqualTo("0.25 倍");
        assertThat(WORDS.value("EXEC_WAGE", new BigDecimal("0.935"))).isEqualTo("93.5%");
        assertThat(WORDS.value("T", new BigDecimal("0.5"))).isEqualTo("50%");
    }
}
