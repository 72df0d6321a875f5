package cn.sanbao.testsupport;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@code @SpringBootTest} class on both databases: {@code ./mvnw test} runs it on a fresh in-memory H2
 * database with the whole suite, then again on a fresh database of the shared embedded PostgreSQL server in a
 * second surefire execution that selects this tag (pom.xml). {@link TestDatabase#selected()} tells a test which
 * one it is on; {@link DatabaseContextCustomizerFactory} points the context at it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(BothDatabases.TAG)
@ExtendWith(DatabaseBanner.class)
public @interface BothDatabases {

    /** The JUnit tag the PostgreSQL execution selects. */
    String TAG = "both-databases";

    /** On H2, a file database instead of an in-memory one (for tests that need what only a file database does). */
    boolean h2File() default false;
}
