package cn.sanbao.testsupport;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@code @SpringBootTest} class against a fresh database on the shared embedded PostgreSQL
 * server. Put it on the tiny subclass of a contract test; the twin subclass carries {@link OnH2}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag("postgres")
@ContextConfiguration(initializers = PostgresInitializer.class)
public @interface OnPostgres {
}
