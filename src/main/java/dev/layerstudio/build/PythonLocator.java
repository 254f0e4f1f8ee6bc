package dev.layerstudio.build;

import dev.layerstudio.model.LayerStudioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the Python that runs pip: a chosen one, or the first of {@code python3},
 * {@code python} (and {@code py -3} first on Windows) that answers, and checks its pip.
 */
final class PythonLocator {

    /** The oldest pip that has {@code install --report}. */
    static final int[] MIN_PIP = {22, 2};

    private static final Pattern PIP_VERSION = Pattern.compile("^pip (\\d+)\\.(\\d+)(\\S*)");
    /**
     * The version, the executable and, in the same run, pip's version from its metadata (a tenth
     * of the time `python -m pip --version` takes to import pip); an empty third line when that
     * cannot say (no pip, or a Python without importlib.metadata), and then pip is asked itself.
     */
    private static final String PROBE = "import sys, importlib.util as u; print('%d.%d.%d' % sys.version_info[:3]); "
            + "print(sys.executable); md = __import__('importlib.metadata', fromlist=['version']) "
            + "if u.find_spec('importlib.metadata') else None; print(next((d.version for d in md.distributions() "
            + "if (d.metadata['Name'] or '').lower() == 'pip'), '') if md else '')";

    /** A working Python with a recent pip. */
    record Python(List<String> command, String version, String executable, String pipVersion) {
        String describe() {
            return "pip " + pipVersion + " (Python " + version + ")";
        }
    }

    private final BuildEnvironment env;
    private final ProcessRunner runner;

    PythonLocator(BuildEnvironment env, ProcessRunner runner) {
        this.env = env;
        this.runner = runner;
    }

    /** The chosen Python, or the first that answers; fails with a plain sentence when there is none. */
    Python locate(Path chosen) throws InterruptedException {
        Interpreter interpreter = chosen != null ? chosen(chosen) : detect();
        return withPip(interpreter);
    }

    /** @param pipVersion pip's version as its metadata gives it, or empty when it did not say */
    private record Interpreter(List<String> command, String version, String executable, String pipVersion) {
    }

    private Interpreter chosen(Path path) throws InterruptedException {
        Path exe = path;
        if (Files.isDirectory(path)) { // a virtual environment or an installation folder
            exe = List.of(path.resolve("bin").resolve("python3"), path.resolve("bin").resolve("python"),
                    path.resolve("Scripts").resolve("python.exe"), path.resolve("python.exe"))
                    .stream().filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new LayerStudioException("There is no Python in the folder " + path + ".",
                            "Choose the python executable itself.", null));
        } else if (!Files.exists(path)) {
            throw new LayerStudioException("There is no Python at " + path + ".",
                    "Choose an existing python executable, or leave the choice empty to find one.", null);
        }
        Optional<Interpreter> found = probe(List.of(exe.toString()));
        return found.orElseThrow(() -> new LayerStudioException(path + " is not a working Python 3.",
                "Choose a Python 3.7 or newer.", null));
    }

    private Interpreter detect() throws InterruptedException {
        List<List<String>> candidates = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        if (env.windows()) {
            env.find("py").ifPresent(py -> candidates.add(List.of(py.toString(), "-3")));
            tried.add("py -3");
        }
        for (String name : env.windows() ? List.of("python", "python3") : List.of("python3", "python")) {
            env.find(name).ifPresent(p -> candidates.add(List.of(p.toString())));
            tried.add(name);
        }
        for (List<String> command : candidates) {
            Optional<Interpreter> found = probe(command);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new LayerStudioException("No Python 3 was found (looked for " + String.join(", ", tried) + " on PATH).",
                "Install Python 3 (python.org), or choose the Python to use (--python PATH).", null);
    }

    private Optional<Interpreter> probe(List<String> command) throws InterruptedException {
        List<String> cmd = new ArrayList<>(command);
        cmd.addAll(List.of("-c", PROBE));
        try {
            ProcessRunner.Result r = runner.run(cmd, null, line -> { });
            if (!r.ok() || r.lines().size() < 2) {
                return Optional.empty();
            }
            String version = r.lines().get(0).trim();
            if (!version.startsWith("3.")) {
                return Optional.empty();
            }
            String pip = r.lines().size() > 2 ? r.lines().get(2).trim() : "";
            return Optional.of(new Interpreter(command, version, r.lines().get(1).trim(), pip));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Python withPip(Interpreter py) throws InterruptedException {
        if (!py.pipVersion().isEmpty()) {
            return checked(py, "pip " + py.pipVersion());
        }
        List<String> cmd = new ArrayList<>(py.command());
        cmd.addAll(List.of("-m", "pip", "--version"));
        ProcessRunner.Result r;
        try {
            r = runner.run(cmd, null, line -> { });
        } catch (IOException e) {
            throw new LayerStudioException("Could not run " + py.executable() + ": " + e.getMessage(), e);
        }
        if (!r.ok()) {
            throw noPip(py);
        }
        return checked(py, r.text().strip());
    }

    private static LayerStudioException noPip(Interpreter py) {
        return new LayerStudioException("pip is not installed for Python " + py.version() + " at " + py.executable() + ".",
                "Install it with: " + py.executable() + " -m ensurepip --upgrade", null);
    }

    /** {@code pipSays} starts "pip X.Y…"; pip older than {@link #MIN_PIP} is refused. */
    private static Python checked(Interpreter py, String pipSays) {
        Matcher m = PIP_VERSION.matcher(pipSays);
        if (!m.find()) {
            throw noPip(py);
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        String version = m.group(1) + "." + m.group(2) + m.group(3);
        if (major < MIN_PIP[0] || (major == MIN_PIP[0] && minor < MIN_PIP[1])) {
            throw new LayerStudioException("pip " + version + " (Python " + py.version() + " at " + py.executable()
                    + ") is too old: building layers needs pip " + MIN_PIP[0] + "." + MIN_PIP[1] + " or newer.",
                    "Upgrade it with: " + py.executable() + " -m pip install --upgrade pip", null);
        }
        return new Python(py.command(), py.version(), py.executable(), version);
    }
}
