package cn.sanbao.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

/** Points the context at a fresh database on the shared embedded PostgreSQL server. */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestProperties.apply(context, Map.of(
                "spring.datasource.url", EmbeddedPostgresSupport.createDatabase(),
                "spring.datasource.username", EmbeddedPostgresSupport.username(),
                "spring.datasource.password", EmbeddedPostgresSupport.password(),
                "spring.datasource.driver-class-name", "org.postgresql.Driver"));
    }
}
