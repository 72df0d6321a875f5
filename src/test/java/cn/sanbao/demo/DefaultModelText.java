package cn.sanbao.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shipped default model's YAML, so demo tests score with the real engine and model. */
final class DefaultModelText {

    private DefaultModelText() {
    }

    static String read() {
        try (InputStream in = DefaultModelText.class.getResourceAsStream("/models/sanbao-default.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
