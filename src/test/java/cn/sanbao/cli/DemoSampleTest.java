package cn.sanbao.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import cn.sanbao.demo.DemoDataGenerator;

/** The shipped sample facts file is exactly what the demo generator gives, so it cannot drift. */
class DemoSampleTest {

    @Test
    void committedSampleEqualsGeneratorOutput() throws IOException {
        String expected = DemoFactsExport.render(new DemoDataGenerator(), "2021", "2021-03");
        String committed = Files.readString(Path.of("samples/facts/demo-2021-03.csv"), StandardCharsets.UTF_8);
        assertThat(committed)
                .as("samples/facts/demo-2021-03.csv is stale; regenerate with DemoFactsExport (see docs/cli.md)")
                .isEqualTo(expected);
        // 28 units × (annual + monthly items), plus the header.
        assertThat(committed.lines().count()).isEqualTo(1 + 28 * 28);
    }
}
