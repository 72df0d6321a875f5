package cn.sanbao.region;

import cn.sanbao.testsupport.BothDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Region tree loaded at startup; run on H2 and on PostgreSQL. */
@SpringBootTest
@BothDatabases
class RegionTreeTest {

    @Autowired RegionTree tree;
    @Autowired FiscalUnitRepository repository;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionOperations tx;

    @Test
    void emptyDatabaseIsSeededFromTheRegionFile() {
        assertThat(jdbc.sql("select count(*) from fiscal_unit").query(Long.class).single()).isEqualTo(34);
        assertThat(tree.all()).hasSize(34).first().extracting(FiscalUnit::code).isEqualTo("640000");
        assertThat(repository.findByCode("64ND00")).get().extracting(FiscalUnit::name).isEqualTo("宁东能源化工基地");
        assertThat(tree.budgetUnits()).hasSize(28).noneMatch(FiscalUnit::isConsolidated);
        assertThat(tree.consolidatedUnits()).extracting(FiscalUnit::code)
                .containsExactly("640000", "640100", "640200", "640300", "640400", "640500");
    }

    @Test
    void membersOfACityAreItsOwnLevelAndCounties() {
        assertThat(tree.members("640100")).extracting(FiscalUnit::code)
                .containsExactly("640100BJ", "640104", "640105", "640106", "640121", "640122", "640181");
        assertThat(tree.members("640000")).hasSize(28).extracting(FiscalUnit::code).contains("64ND00", "640522");
        assertThat(tree.members("640104")).extracting(FiscalUnit::code).containsExactly("640104");
        assertThat(tree.children("640200")).extracting(FiscalUnit::code).containsExactly("640200BJ", "640202", "640205", "640221");
    }

    @Test
    void cityAndAncestry() {
        assertThat(tree.cityOf("640381")).get().extracting(FiscalUnit::name).isEqualTo("吴忠市");
        assertThat(tree.cityOf("640300")).get().extracting(FiscalUnit::code).isEqualTo("640300");
        assertThat(tree.cityOf("64ND00")).isEmpty();
        assertThat(tree.cityOf("640000")).isEmpty();
        assertThat(tree.isWithin("640104", "640100")).isTrue();
        assertThat(tree.isWithin("640104", "640000")).isTrue();
        assertThat(tree.isWithin("640104", "640104")).isTrue();
        assertThat(tree.isWithin("640104", "640200")).isFalse();
        assertThat(tree.isWithin("64ND00", "640100")).isFalse();
        assertThat(tree.unit("999999")).isEmpty();
        assertThatThrownBy(() -> tree.members("999999")).hasMessageContaining("未知的财政单位代码“999999”");
    }

    @Test
    void tableIsTheSourceOfTruthOnceSeeded() {
        // a later start never re-reads the file, so editing it cannot silently change a running province
        RegionTree restarted = new RegionTree(repository, tx, new ByteArrayResource("not,a,region,file".getBytes()));

        assertThat(restarted.all()).isEqualTo(tree.all());
        assertThat(jdbc.sql("select count(*) from fiscal_unit").query(Long.class).single()).isEqualTo(34);
    }
}
