package dev.layerstudio.sandbox;

import java.nio.file.Path;

/** Sandbox set-ups for tests: moto's environment shared with the test harness, everything else in a test folder. */
public final class TestSandboxes {

    /** Where the test harness keeps moto's virtual environment when moto is not on PATH. */
    public static final Path VENVS = Path.of(System.getProperty("user.home"), ".cache", "layer-studio-test");

    private TestSandboxes() {
    }

    public static Sandbox.Setup setup(Path dir) {
        return new Sandbox.Setup(VENVS, dir.resolve("moto.log"), dir.resolve("work"), MotoProcess.Tools.system());
    }
}
