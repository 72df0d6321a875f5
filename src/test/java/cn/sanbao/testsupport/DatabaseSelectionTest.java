package cn.sanbao.testsupport;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** Guards the test infrastructure itself: the annotations really select the database they promise. */
class DatabaseSelectionTest {

    @Nested
    @SpringBootTest
    @OnH2
    class H2 {
        @Autowired DataSource dataSource;
        @Autowired Environment env;

        @Test
        void runsOnInMemoryH2WithoutDemoData() throws Exception {
            assertThat(productName(dataSource)).isEqualTo("H2");
            assertThat(env.getProperty("spring.datasource.url")).startsWith("jdbc:h2:mem:");
            assertThat(env.getProperty("sanbao.demo.enabled")).isEqualTo("false");
        }
    }

    @Nested
    @SpringBootTest
    @OnPostgres
    class Postgres {
        @Autowired DataSource dataSource;
        @Autowired Environment env;

        @Test
        void runsOnEmbeddedPostgresWithoutDemoData() throws Exception {
            assertThat(productName(dataSource)).isEqualTo("PostgreSQL");
            assertThat(env.getProperty("sanbao.demo.enabled")).isEqualTo("false");
        }
    }

    static String productName(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName();
        }
    }
}
