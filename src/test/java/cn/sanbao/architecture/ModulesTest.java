package cn.sanbao.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.sanbao.SanbaoApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules are what the README says: each one uses others only through their top-level package or a
 * named interface, and no two modules depend on each other in a cycle. The module document in docs/modules is
 * generated from the same model, so it cannot go stale silently.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(SanbaoApplication.class);
    static final Path COMMITTED = Path.of("docs/modules");
    static final String REFRESH = "./mvnw -B -ntp -o test -Dtest=ModulesTest#moduleDocumentIsCurrent -Dsanbao.modules.refresh=true";

    @Test
    void modulesVerify() {
        MODULES.verify();
    }

    @Test
    void moduleDocumentIsCurrent() throws IOException {
        Path fresh = Path.of("target/modules-docs");
        // Modulith 2.0.3 reads the Javadoc index with a JSON parser that fails on an escaped quote
        // (spring-modulith#1685), and Javadoc here quotes file contents; the canvases go without Javadoc.
        Files.deleteIfExists(Path.of("target/generated-spring-modulith/javadoc.json"));
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(fresh.toString())).writeDocumentation();
        if (Boolean.getBoolean("sanbao.modules.refresh")) copy(fresh, COMMITTED);
        assertThat(contents(COMMITTED))
                .as("docs/modules 与代码中的模块不一致：运行 %s 重新生成并提交 docs/modules", REFRESH)
                .isEqualTo(contents(fresh));
    }

    /**
     * File name → its lines, sorted: the Documenter writes relations and bean lists in no fixed order, so the
     * comparison is of which lines there are (every added or removed dependency shows).
     */
    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> out.put(f.getFileName().toString(), read(f)));
        }
        return out;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f).lines().map(String::stripTrailing).sorted().collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> old = Files.list(to)) {
            for (Path f : old.toList()) Files.delete(f);
        }
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
    }
}
