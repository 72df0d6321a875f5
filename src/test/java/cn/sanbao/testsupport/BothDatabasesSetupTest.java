package cn.sanbao.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Proves that every database test runs on both databases: the two surefire executions in pom.xml are set up as
 * {@link BothDatabases} expects, every marked class is one surefire picks up, and no test still uses the old
 * pattern (an abstract *Contract with H2 and PostgreSQL subclasses) or runs a Spring context on an unchosen database.
 */
class BothDatabasesSetupTest {

    static Element surefire;
    static List<Class<?>> testClasses;

    @BeforeAll
    static void read() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        for (Element plugin : children(pom.getDocumentElement(), "build", "plugins", "plugin")) {
            if (text(plugin, "artifactId").equals("maven-surefire-plugin")) surefire = plugin;
        }
        testClasses = testClasses();
    }

    @Test
    void theDefaultExecutionRunsEverythingOnH2AndASecondOneTheMarkedClassesOnPostgres() {
        assertThat(surefire).as("maven-surefire-plugin in pom.xml").isNotNull();
        assertThat(setting(surefire, "groups") + setting(surefire, "excludedGroups") + setting(surefire, "includes"))
                .as("the plugin-wide configuration must not filter tests by tag or name").isEmpty();

        Element h2 = execution("default-test");
        assertThat(setting(h2, "systemPropertyVariables", TestDatabase.PROPERTY)).isEqualTo("h2");
        assertThat(setting(h2, "groups") + setting(h2, "excludedGroups")).as("the H2 run takes every test").isEmpty();

        Element postgres = execution("postgres");
        assertThat(children(postgres, "goals", "goal")).extracting(Node::getTextContent).containsExactly("test");
        assertThat(setting(postgres, "groups")).isEqualTo(BothDatabases.TAG);
        assertThat(setting(postgres, "excludedGroups")).isEmpty();
        assertThat(setting(postgres, "systemPropertyVariables", TestDatabase.PROPERTY)).isEqualTo("postgres");
        assertThat(setting(postgres, "reportsDirectory")).as("PostgreSQL results must not overwrite the H2 ones")
                .isNotEmpty().isNotEqualTo("${project.build.directory}/surefire-reports");
        assertThat(setting(postgres, "reportNameSuffix")).isEqualTo("postgres");
    }

    @Test
    void everyMarkedClassIsASpringTestThatSurefireRuns() {
        List<String> marked = new ArrayList<>();
        Map<String, String> wrong = new TreeMap<>();
        for (Class<?> c : testClasses) {
            if (!MergedAnnotations.from(c, SearchStrategy.TYPE_HIERARCHY).isPresent(BothDatabases.class)) continue;
            marked.add(c.getName());
            if (Modifier.isAbstract(c.getModifiers())) wrong.put(c.getName(), "abstract: nothing runs it");
            else if (!surefireRuns(c.getSimpleName())) wrong.put(c.getName(), "name not matched by surefire (…Test)");
            else if (!isSpringBootTest(c)) wrong.put(c.getName(), "no @SpringBootTest: no database to choose");
        }
        assertThat(wrong).isEmpty();
        assertThat(marked).as("the scan found the database tests").hasSizeGreaterThanOrEqualTo(50)
                .contains(DatabaseSelectionTest.class.getName());
    }

    @Test
    void noTestUsesTheOldSubclassPatternOrAnUnchosenDatabase() {
        Map<String, String> wrong = new TreeMap<>();
        for (Class<?> c : testClasses) {
            Class<?> parent = c.getSuperclass();
            if (parent != null && parent.getSimpleName().endsWith("Contract"))
                problem(wrong, c, "extends " + parent.getSimpleName() + ": mark that class @BothDatabases instead");
            if (c.getSimpleName().endsWith("H2Test"))
                problem(wrong, c, "an H2-only twin: mark the test @BothDatabases instead");
            boolean ownDatabase = isSpringBootTest(c) && Arrays.stream(springBootTest(c).properties())
                    .anyMatch(p -> p.startsWith("spring.datasource.url="));
            if (isSpringBootTest(c) && !Modifier.isAbstract(c.getModifiers()) && !ownDatabase
                    && !MergedAnnotations.from(c, SearchStrategy.TYPE_HIERARCHY).isPresent(BothDatabases.class))
                problem(wrong, c, "@SpringBootTest without @BothDatabases would use the default file database");
        }
        assertThat(wrong).isEmpty();
    }

    static void problem(Map<String, String> wrong, Class<?> c, String what) {
        wrong.merge(c.getName(), what, (a, b) -> a + "; " + b);
    }

    /** Surefire's default includes (pom.xml sets none) minus the pom's excludes. */
    static boolean surefireRuns(String simpleName) {
        boolean included = simpleName.startsWith("Test") || simpleName.endsWith("Test") || simpleName.endsWith("Tests")
                || simpleName.endsWith("TestCase");
        List<String> excludes = children(surefire, "configuration", "excludes", "exclude").stream()
                .map(Node::getTextContent).toList();
        assertThat(excludes).as("only name-suffix excludes are understood here").allMatch(e -> e.matches("\\*\\*/\\*\\w+\\.java"));
        return included && excludes.stream().noneMatch(e -> simpleName.endsWith(e.substring(3, e.length() - 5)));
    }

    static boolean isSpringBootTest(Class<?> c) {
        return springBootTest(c) != null;
    }

    static SpringBootTest springBootTest(Class<?> c) {
        return MergedAnnotations.from(c, SearchStrategy.TYPE_HIERARCHY).get(SpringBootTest.class)
                .synthesize(a -> a.isPresent()).orElse(null);
    }

    /** Top-level classes compiled from src/test/java. */
    static List<Class<?>> testClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(BothDatabasesSetupTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$")).toList()) {
                String name = root.relativize(p).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                out.add(Class.forName(name, false, BothDatabasesSetupTest.class.getClassLoader()));
            }
        }
        return out;
    }

    static Element execution(String id) {
        return children(surefire, "executions", "execution").stream().filter(e -> text(e, "id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no surefire execution " + id + " in pom.xml"));
    }

    static List<Element> children(Element parent, String... path) {
        List<Element> level = List.of(parent);
        for (String name : path) {
            List<Element> next = new ArrayList<>();
            for (Element e : level) {
                for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling())
                    if (n instanceof Element el && el.getTagName().equals(name)) next.add(el);
            }
            level = next;
        }
        return level;
    }

    static Element child(Element parent, String... path) {
        List<Element> found = children(parent, path);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The text of the element at path below parent, or "" if there is none. */
    static String text(Element parent, String... path) {
        Element e = child(parent, path);
        return e == null ? "" : e.getTextContent().trim();
    }

    /** A value in the configuration of a plugin or execution. */
    static String setting(Element pluginOrExecution, String... path) {
        Element configuration = child(pluginOrExecution, "configuration");
        return configuration == null ? "" : text(configuration, path);
    }
}
