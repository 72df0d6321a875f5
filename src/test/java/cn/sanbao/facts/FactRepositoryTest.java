package cn.sanbao.facts;

import cn.sanbao.testsupport.BothDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fact revisions on a real database; run on H2 and on PostgreSQL. The context (and
 * database) is shared between tests, so every test uses its own year.
 */
@SpringBootTest
@BothDatabases
class FactRepositoryTest {

    @Autowired FactRepository store;
    @Autowired DataItemRepository catalogue;
    @Autowired JdbcClient jdbc;
    @Autowired cn.sanbao.audit.AuditLog audit;

    static FactValue fact(String unit, String period, String item, String amount) {
        return new FactValue(unit, period, item, new BigDecimal(amount));
    }

    @Test
    void catalogueIsSeededAtStartup() {
        // every item of the shipped catalogue file is in the table, none more
        List<DataItem> shipped = DataItemFile.read(new org.springframework.core.io.ClassPathResource("items/data-items.csv"));
        assertThat(catalogue.all()).extracting(DataItem::code).containsExactlyInAnyOrderElementsOf(shipped.stream().map(DataItem::code).toList());
        assertThat(count("data_item")).isEqualTo(shipped.size());
        assertThat(catalogue.item("temp_payment_balance")).get().extracting(DataItem::frequency).isEqualTo(Frequency.MONTHLY);
        assertThat(catalogue.contains("nonsense")).isFalse();
    }

    @Test
    void revisionStoresValuesWithTwoDecimals() {
        long id = store.createRevision("FILE", "2040年3月月报", "zhangsan", "hash-2040",
                List.of(fact("640104", "2040-03", "paid_wage", "1234.5"), fact("640104", "2040", "fiscal_capacity", "100")));

        assertThat(store.latestRevisionId()).isEqualTo(id);
        assertThat(store.valuesOf(id)).containsExactly(
                fact("640104", "2040", "fiscal_capacity", "100.00"), fact("640104", "2040-03", "paid_wage", "1234.50"));
        assertThat(store.findByContentHash("hash-2040")).get().satisfies(r -> {
            assertThat(r.id()).isEqualTo(id);
            assertThat(r.rowCount()).isEqualTo(2);
            assertThat(r.label()).isEqualTo("2040年3月月报");
            assertThat(r.createdBy()).isEqualTo("zhangsan");
            assertThat(r.createdAt()).isNotNull();
        });
        assertThat(store.revisions()).first().extracting(FactRevision::id).isEqualTo(id);
        assertThat(store.findByContentHash("no-such-hash")).isEmpty();
    }

    @Test
    void laterRevisionSupersedesCellByCellAndEarlierStaysReadable() {
        long first = store.createRevision("FILE", "初报", "zhangsan", null, List.of(
                fact("640105", "2041-05", "paid_wage", "100.00"), fact("640105", "2041-05", "paid_operation", "7.77")));
        long second = store.createRevision("FILE", "更正", "lisi", null, List.of(fact("640105", "2041-05", "paid_wage", "150.25")));

        assertThat(store.current(List.of("2041-05"), null)).containsExactly(
                new ResolvedFact("640105", "2041-05", "paid_operation", new BigDecimal("7.77"), first),
                new ResolvedFact("640105", "2041-05", "paid_wage", new BigDecimal("150.25"), second));
        assertThat(store.current(List.of("2041-05"), first)).extracting(ResolvedFact::amount)
                .containsExactly(new BigDecimal("7.77"), new BigDecimal("100.00"));
        assertThat(store.valuesOf(first)).contains(fact("640105", "2041-05", "paid_wage", "100.00"));
        assertThat(store.current(List.of("2041-06"), null)).isEmpty();
        assertThat(store.current(List.of(), null)).isEmpty();
    }

    @Test
    void moreThanTwoDecimalsIsRejectedAndNothingStored() {
        long revisions = count("fact_revision");
        long facts = count("fact");

        assertThatThrownBy(() -> store.createRevision("FILE", "错误", "zhangsan", null, List.of(
                fact("640106", "2042-01", "paid_wage", "10.00"), fact("640106", "2042-01", "paid_operation", "0.001"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("超过两位小数");

        assertThat(count("fact_revision")).isEqualTo(revisions);
        assertThat(count("fact")).isEqualTo(facts);
        // trailing zeros are not extra precision
        long ok = store.createRevision("FILE", "正确", "zhangsan", null, List.of(fact("640106", "2042-01", "paid_wage", "10.500")));
        assertThat(store.valuesOf(ok)).containsExactly(fact("640106", "2042-01", "paid_wage", "10.50"));
    }

    @Test
    void unknownUnitItemOrConsolidatedUnitIsRejectedAndNothingStored() {
        long revisions = count("fact_revision");
        long facts = count("fact");

        assertThatThrownBy(() -> store.createRevision("FILE", "错误", "zhangsan", null, List.of(
                fact("640121", "2043-01", "paid_wage", "1"), fact("999999", "2043-01", "paid_wage", "1"))))
                .isInstanceOf(InvalidFactsException.class)
                .hasMessageContaining("未知的单位代码“999999”");
        assertThatThrownBy(() -> store.createRevision("FILE", "错误", "zhangsan", null, List.of(
                fact("640121", "2043-01", "no_such_item", "1"))))
                .hasMessageContaining("未知的数据项“no_such_item”");
        assertThatThrownBy(() -> store.createRevision("FILE", "错误", "zhangsan", null, List.of(
                fact("640100", "2043-01", "paid_wage", "1"))))
                .hasMessageContaining("银川市（640100）是汇总单位");
        assertThatThrownBy(() -> store.createRevision("FILE", "错误", "zhangsan", null, List.of(
                fact("640121", "2043-01", "fiscal_capacity", "1"))))
                .hasMessageContaining("可用财力（fiscal_capacity）是年报数据项");

        assertThat(count("fact_revision")).isEqualTo(revisions);
        assertThat(count("fact")).isEqualTo(facts);
    }

    @Test
    void everyProblemIsListed() {
        InvalidFactsException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidFactsException.class,
                () -> store.createRevision("FILE", "错误", "zhangsan", null, List.of(
                        fact("640122", "2044-13", "paid_wage", "1"),
                        fact("640122", "2044-01", "paid_wage", "1"),
                        fact("640122", "2044-01", "paid_wage", "2"))));

        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems().get(0)).contains("无法识别的期间“2044-13”");
        assertThat(e.problems().get(1)).contains("重复");
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void everyRevisionIsAudited() {
        long id = store.createRevision("FILE", "2091年1月月报", "lisi", null,
                List.of(fact("640104", "2091-01", "paid_wage", "1.00")));
        assertThat(audit.recent(20)).anyMatch(e -> e.action().equals("FACT_REVISION") && e.actor().equals("lisi")
                && ("revision:" + id).equals(e.target()) && e.detail().contains("2091年1月月报"));
    }
}
