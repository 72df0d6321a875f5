package cn.sanbao.testsupport;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Guards the test infrastructure itself: in each run (H2 with the whole suite, PostgreSQL in the second surefire
 * execution) a {@link BothDatabases} class really gets a fresh database of the selected kind, without demo data.
 */
@SpringBootTest
@BothDatabases
class DatabaseSelectionTest {

    @Autowired DataSource dataSource;
    @Autowired Environment env;

    @Test
    void runsOnTheSelectedDatabaseWithoutDemoData() throws Exception {
        TestDatabase selected = TestDatabase.selected();
        assertThat(productName(dataSource)).isEqualTo(selected.productName());
        assertThat(env.getProperty("spring.datasource.url"))
                .startsWith(selected == TestDatabase.H2 ? "jdbc:h2:mem:" : "jdbc:postgresql://localhost:");
        assertThat(env.getProperty("sanbao.demo.enabled")).isEqualTo("false");
    }

    @Test
    void anUnknownDatabaseNameIsRefusedWithTheChoices() {
        assertThat(TestDatabase.parse("PostgreSQL")).isEqualTo(TestDatabase.POSTGRES);
        assertThatThrownBy(() -> TestDatabase.parse("oracle")).hasMessageContaining("sanbao.test.database=oracle")
                .hasMessageContaining("h2 或 postgres");
    }

    /** A class that asks for a file database gets one on H2 (and the ordinary fresh database on PostgreSQL). */
    @Nested
    @BothDatabases(h2File = true)
    class H2File {
        @Autowired DataSource fileDataSource;
        @Autowired Environment fileEnv;

        @Test
        void runsOnAnH2FileDatabaseWhenOnH2() throws Exception {
            assertThat(productName(fileDataSource)).isEqualTo(TestDatabase.selected().productName());
            if (TestDatabase.selected() == TestDatabase.H2)
                assertThat(fileEnv.getProperty("spring.datasource.url")).startsWith("jdbc:h2:file:");
        }
    }

    static String productName(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        }
    }
}
