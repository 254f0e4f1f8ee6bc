package dev.layerstudio.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real Python tools the build tests need beyond the machine's own Python: uv, a Python
 * whose pip is too old, and one with no pip. Each is a virtual environment made once
 * in {@code ~/.cache/layer-studio-test} (kept across {@code mvn clean}), like moto's.
 */
public final class PythonTools {

    public static final String UV_VERSION = "0.13.9";
    public static final String OLD_PIP_VERSION = "22.0.4";

    private static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "layer-studio-test");
    private static final boolean WINDOWS = System.getProperty("os.name").startsWith("Windows");

    private PythonTools() {
    }

    /** The folder holding a working {@code uv} executable. */
    public static synchronized Path uvBin() throws IOException, InterruptedException {
        Path venv = CACHE.resolve("uv-" + UV_VERSION);
        Path uv = bin(venv).resolve(WINDOWS ? "uv.exe" : "uv");
        if (!(Files.isExecutable(uv) && works(List.of(uv.toString(), "--version")))) {
            venv(venv, true);
            run(List.of(python(venv), "-m", "pip", "install", "-q", "uv==" + UV_VERSION));
        }
        return uv.getParent();
    }

    /** A Python whose pip is older than 22.2. */
    public static synchronized Path pythonWithOldPip() throws IOException, InterruptedException {
        Path venv = CACHE.resolve("pip-" + OLD_PIP_VERSION);
        String py = python(venv);
        if (!works(List.of(py, "-c", "import pip, sys; sys.exit(pip.__version__ != '" + OLD_PIP_VERSION + "')"))) {
            venv(venv, true);
            run(List.of(py, "-m", "pip", "install", "-q", "pip==" + OLD_PIP_VERSION));
        }
        return Path.of(py);
    }

    /** A Python with no pip at all. */
    public static synchronized Path pythonWithoutPip() throws IOException, InterruptedException {
        Path venv = CACHE.resolve("no-pip");
        String py = python(venv);
        if (!works(List.of(py, "-c", "pass")) || works(List.of(py, "-m", "pip", "--version"))) {
            venv(venv, false);
        }
        return Path.of(py);
    }

    /** The machine's own python3 (python on Windows). */
    public static String systemPython() {
        return WINDOWS ? "python" : "python3";
    }

    private static void venv(Path venv, boolean withPip) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(systemPython(), "-m", "venv", "--clear"));
        if (!withPip) {
            cmd.add("--without-pip");
        }
        cmd.add(venv.toString());
        Files.createDirectories(venv.getParent());
        run(cmd);
    }

    private static Path bin(Path venv) {
        return venv.resolve(WINDOWS ? "Scripts" : "bin");
    }

    private static String python(Path venv) {
        return bin(venv).resolve(WINDOWS ? "python.exe" : "python").toString();
    }

    private static boolean works(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + out);
        }
    }

    /** PATH as a list, for a search path with extra folders in front. */
    public static List<Path> path(Path... first) {
        List<Path> out = new ArrayList<>(List.of(first));
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!p.isBlank()) {
                out.add(Path.of(p));
            }
        }
        return out;
    }
}
