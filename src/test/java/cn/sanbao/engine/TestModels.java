package cn.sanbao.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import cn.sanbao.engine.Models;

final class TestModels {

    private TestModels() {
    }

    static ScoringModel defaultModel() {
        return Models.parse(read("/models/sanbao-default.yaml"), "sanbao-default.yaml");
    }

    static String read(String resource) {
        try (InputStream in = TestModels.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
