package cn.sanbao.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Points the context at its own H2 FILE database in a new temporary directory (as the platform runs by default). */
public class H2FileInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            Path dir = Files.createTempDirectory("sanbao-h2-");
            TestProperties.apply(context, Map.of(
                    "spring.datasource.url", "jdbc:h2:file:" + dir.resolve("sanbao") + ";AUTO_SERVER=FALSE",
                    "spring.datasource.username", "sa",
                    "spring.datasource.password", "",
                    "spring.datasource.driver-class-name", "org.h2.Driver"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
