package cn.sanbao.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
}
