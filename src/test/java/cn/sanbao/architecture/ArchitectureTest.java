package cn.sanbao.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Module boundaries: the engine is plain Java, and capability packages do not depend on each other in cycles. */
class ArchitectureTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.sanbao");

    @Test
    void scoringEngineUsesNoFramework() {
        classes().that().resideInAPackage("cn.sanbao.engine..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "cn.sanbao.engine..", "cn.sanbao.kernel..", "org.apache.commons.jexl3..", "org.yaml.snakeyaml..")
                .because("the scoring engine is plain Java: a model and data go in, explained results come out")
                .check(CLASSES);
    }

    @Test
    void sharedKernelIsPlainJava() {
        classes().that().resideInAPackage("cn.sanbao.kernel..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.sanbao.kernel..")
                .because("the 三保 kernel (period, pillar, money, grade labels) is used by the engine and every module")
                .check(CLASSES);
    }

    @Test
    void engineKnowsNothingOfTheRestOfTheApplication() {
        classes().that().resideOutsideOfPackages("cn.sanbao.engine..", "cn.sanbao.kernel..")
                .should().onlyBeAccessed().byClassesThat().resideOutsideOfPackage("cn.sanbao.engine..")
                .check(CLASSES);
    }

    @Test
    void formulasCanReachOnlyTheFunctionsClass() {
        // the formula sandbox grants access to this whole package, so nothing else may live in it
        classes().that().resideInAPackage("cn.sanbao.engine.functions")
                .should().haveSimpleName("FormulaFunctions").check(CLASSES);
    }

    @Test
    void capabilityModulesHaveNoCycles() {
        slices().matching("cn.sanbao.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** A repository and the classes nested in it (row mappers, lambdas). */
    static final DescribedPredicate<JavaClass> IN_A_REPOSITORY = DescribedPredicate.describe("in a *Repository class",
            c -> topLevel(c).endsWith("Repository"));

    /** Classes allowed to use JDBC although not repositories, each with its reason. */
    static final List<String> JDBC_EXCEPTIONS = List.of(
            "cn.sanbao.connectors.SourceReader",   // reads the budget system's own database (read-only), not the platform's tables
            "cn.sanbao.intake.PostgresCopy");      // COPY protocol encoder on the connection of the writing repository

    static String topLevel(JavaClass c) { return c.getName().replaceAll("\\$.*", ""); }

    /** JDBC APIs that run SQL or hold connections (java.sql value types such as Timestamp are fine anywhere). */
    static final DescribedPredicate<JavaClass> JDBC_API = DescribedPredicate.describe("a JDBC API",
            c -> c.getPackageName().startsWith("org.springframework.jdbc.core") || c.getPackageName().startsWith("org.springframework.jdbc.datasource")
                    || c.getPackageName().startsWith("javax.sql") || c.getName().equals("org.springframework.jdbc.support.GeneratedKeyHolder")
                    || List.of("java.sql.Connection", "java.sql.Statement", "java.sql.PreparedStatement", "java.sql.CallableStatement",
                    "java.sql.DriverManager").contains(c.getName()));

    @Test
    void onlyRepositoriesRunSql() {
        noClasses().that(DescribedPredicate.not(IN_A_REPOSITORY))
                // infrastructure that works on the database as a whole, not on a module's tables:
                .and().resideOutsideOfPackages(
                        "cn.sanbao.backup..",            // dumps and restores the whole database
                        "cn.sanbao.shared.jdbc..",       // generic row mapping used by repositories
                        "cn.sanbao.shared.scheduling..") // ShedLock's lock provider takes the DataSource
                .and(DescribedPredicate.describe("not an exception listed in JDBC_EXCEPTIONS", c -> !JDBC_EXCEPTIONS.contains(topLevel(c))))
                .should().dependOnClassesThat(JDBC_API)
                .because("a module's SQL lives only in classes named *Repository, each for tables the module owns (docs/architecture.md)")
                .check(CLASSES);
    }

    @Test
    void noQueryResultIsStreamedOpen() {
        noClasses().should().callMethodWhere(DescribedPredicate.describe("a JDBC query stream",
                        (com.tngtech.archunit.core.domain.JavaMethodCall call) ->
                                (call.getTarget().getName().equals("stream")
                                        && call.getTarget().getOwner().getName().startsWith("org.springframework.jdbc.core.simple.JdbcClient"))
                                || call.getTarget().getName().equals("queryForStream")))
                .because("such a stream keeps its connection until it is closed; one left open per page view drained the pool")
                .check(CLASSES);
    }
}
