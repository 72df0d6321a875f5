package cn.sanbao.facts;

import cn.sanbao.kernel.Period;
import cn.sanbao.testsupport.BothDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static cn.sanbao.facts.FactRepositoryTest.fact;
import static org.assertj.core.api.Assertions.assertThat;

/** What the scoring engine sees; run on H2 and PostgreSQL. Each test uses its own year. */
@SpringBootTest
@BothDatabases
class FactResolverTest {

    static final List<String> YINCHUAN = List.of("640100BJ", "640104", "640105", "640106", "640121", "640122", "640181");

    @Autowired FactRepository store;
    @Autowired FactResolver resolver;

    @Test
    void annualItemsComeFromTheYearAndWeeklyItemsFromThePeriodItself() {
        store.createRevision("FILE", "2050", "t", null, List.of(
                fact("640104", "2050", "fiscal_capacity", "5000.00"),
                fact("640104", "2050-04", "paid_wage", "120.00"),
                fact("640104", "2050-03", "paid_wage", "90.00")));

        UnitFacts facts = resolver.resolve(Period.parse("2050-04"), null).get("640104");

        assertThat(facts.items().get("fiscal_capacity")).satisfies(f -> {
            assertThat(f.period()).isEqualTo("2050");
            assertThat(f.amount()).isEqualByComparingTo("5000");
        });
        assertThat(facts.items().get("paid_wage").period()).isEqualTo("2050-04");
        assertThat(facts.amount("paid_wage")).contains(new BigDecimal("120.00"));
        // not reported is absent, never zero
        assertThat(facts.has("paid_operation")).isFalse();
        assertThat(resolver.resolve(Period.parse("2050-04"), null).get("640105").items()).isEmpty();
    }

    @Test
    void monthlyItemInAWeeklyRunComesFromTheLatestClosedMonth() {
        store.createRevision("FILE", "2051", "t", null, List.of(
                fact("640104", "2051-02", "temp_payment_balance", "11.00"),
                fact("640104", "2051-03", "temp_payment_balance", "22.00"),
                fact("640104", "2051-W10", "paid_wage", "5.00")));

        // 2051-W10 runs 6–12 March: February is the latest month that has ended
        UnitFacts week10 = resolver.resolve(Period.parse("2051-W10"), null).get("640104");

        assertThat(week10.items().get("temp_payment_balance")).satisfies(f -> {
            assertThat(f.period()).isEqualTo("2051-02");
            assertThat(f.amount()).isEqualByComparingTo("11");
        });
        assertThat(week10.items().get("paid_wage").period()).isEqualTo("2051-W10");

        UnitFacts week1 = resolver.resolve(Period.parse("2051-W01"), null).get("640104");
        assertThat(week1.has("temp_payment_balance")).isFalse();
        assertThat(week1.notes()).anyMatch(n -> n.contains("尚无已结束的月份"));
    }

    @Test
    void cityIsTheSumOfItsMembersToTheCent() {
        String[] amounts = {"0.01", "1234567.89", "-0.05", "99999999.99", "0.00", "10.10", "3.33"};
        long first = store.createRevision("FILE", "2052 a", "t", null, List.of(
                fact(YINCHUAN.get(0), "2052-06", "cash_balance", amounts[0]),
                fact(YINCHUAN.get(1), "2052-06", "cash_balance", amounts[1]),
                fact(YINCHUAN.get(2), "2052-06", "cash_balance", amounts[2]),
                fact(YINCHUAN.get(3), "2052-06", "cash_balance", amounts[3]),
                fact(YINCHUAN.get(4), "2052-06", "cash_balance", amounts[4]),
                fact(YINCHUAN.get(5), "2052-06", "cash_balance", amounts[5])));
        long second = store.createRevision("FILE", "2052 b", "t", null, List.of(
                fact(YINCHUAN.get(6), "2052-06", "cash_balance", amounts[6])));

        Map<String, UnitFacts> all = resolver.resolve(Period.parse("2052-06"), null);

        assertThat(all.get("640100").items().get("cash_balance")).satisfies(f -> {
            assertThat(f.amount()).isEqualTo(new BigDecimal("101234581.27"));
            assertThat(f.revisionId()).isEqualTo(second);
            assertThat(f.unitCode()).isEqualTo("640100");
            assertThat(f.period()).isEqualTo("2052-06");
        });
        assertThat(all.keySet()).hasSize(34).first().isEqualTo("640000");
        // as of the first revision 银川市本级…贺兰县 are there but 灵武市 is not yet
        assertThat(resolver.resolve(Period.parse("2052-06"), first).get("640100").has("cash_balance")).isFalse();
    }

    @Test
    void cityLacksAnItemWhenAMemberLacksItAndSaysWhich() {
        store.createRevision("FILE", "2053", "t", null, YINCHUAN.stream()
                .filter(code -> !code.equals("640105"))
                .map(code -> fact(code, "2053-07", "paid_wage", "100.00"))
                .toList());

        Map<String, UnitFacts> all = resolver.resolve(Period.parse("2053-07"), null);

        assertThat(all.get("640104").has("paid_wage")).isTrue();
        assertThat(all.get("640105").has("paid_wage")).isFalse();
        assertThat(all.get("640100").has("paid_wage")).isFalse();
        assertThat(all.get("640100").notes()).singleElement().asString()
                .isEqualTo("银川市“保工资累计支出”无法汇总：西夏区 未报送");
        assertThat(all.get("640200").notes()).singleElement().asString()
                .isEqualTo("石嘴山市“保工资累计支出”无法汇总：所属 4 个预算单位均未报送");
        assertThat(all.get("640000").has("paid_wage")).isFalse();
    }
}
