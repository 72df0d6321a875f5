package cn.sanbao.engine;

import cn.sanbao.engine.load.ModelLoader;

import java.nio.file.Path;

/**
 * Reading a scoring model file: what the modules that load models (monitoring, models, cli) use. The readers
 * behind it stay inside the engine, so the engine's API is this class, the model types and {@link ModelValidationException}.
 */
public final class Models {

    private Models() {
    }

    /** Loads and checks one model file; a bad file throws {@link ModelValidationException} listing every problem. */
    public static ScoringModel load(Path file) { return ModelLoader.load(file); }

    public static ScoringModel parse(String yaml, String source) { return ModelLoader.parse(yaml, source); }

    /** A file or directory with versions that each take effect from a period. */
    public static ModelVersions loadVersions(Path fileOrDirectory) { return ModelLoader.loadVersions(fileOrDirectory); }

    public static ModelVersions parseVersions(String yaml, String source) { return ModelLoader.parseVersions(yaml, source); }
}
