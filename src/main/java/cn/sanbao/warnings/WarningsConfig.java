package cn.sanbao.warnings;

import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/** Loads the warning rules named by sanbao.warnings.rules-file (the shipped default otherwise). */
@Configuration
public class WarningsConfig {

    @Bean
    WarningRules warningRules(@Value("${sanbao.warnings.rules-file:classpath:warnings/warning-rules.yaml}") Resource file)
            throws IOException {
        return WarningRulesFile.read(file.getInputStream(), file.getDescription());
    }
}
