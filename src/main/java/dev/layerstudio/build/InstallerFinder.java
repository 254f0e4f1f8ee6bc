package dev.layerstudio.build;

import dev.layerstudio.model.InstallSpec;
import dev.layerstudio.model.InstallerChoice;
import dev.layerstudio.model.LayerStudioException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the installer a build asks for: uv from the search path when it is chosen or allowed
 * (and runs), else pip on the chosen Python or the first one found with pip. A Python is found
 * and checked once per choice (finding one runs it twice, which a rebuild need not repeat).
 */
final class InstallerFinder {

    private static final Logger LOG = LoggerFactory.getLogger(InstallerFinder.class);

    private final BuildEnvironment env;
    private final ProcessRunner runner;
    private final Map<String, PythonLocator.Python> knownPythons = new ConcurrentHashMap<>();

    InstallerFinder(BuildEnvironment env, ProcessRunner runner) {
        this.env = env;
        this.runner = runner;
    }

    /** The installer for {@code spec}; uv asked for by name and missing is one sentence with the ways out. */
    InstallerTool choose(InstallSpec spec) throws InterruptedException {
        if (spec.installer() != InstallerChoice.PIP) {
            Optional<Path> uv = env.find("uv");
            if (uv.isPresent()) {
                Optional<String> version = uvVersion(uv.get());
                if (version.isPresent()) {
                    return new InstallerTool.Uv(uv.get(), version.get(), spec.python());
                }
            }
            if (spec.installer() == InstallerChoice.UV) {
                throw new LayerStudioException("uv was not found on PATH" + (uv.isPresent() ? " (" + uv.get()
                        + " does not run)" : "") + ".", "Install uv (for example: pip install uv), or choose pip.",
                        null);
            }
        }
        return new InstallerTool.Pip(python(spec), runner);
    }

    /** The Python that builds a source archive; without one, the source-only sentence stands, saying why. */
    PythonLocator.Python pythonToBuild(InstallSpec spec, SourceOnlyException e) throws InterruptedException {
        try {
            return python(spec);
        } catch (LayerStudioException none) {
            throw new LayerStudioException(e.getMessage() + " Building it here needs Python with pip: "
                    + none.getMessage(), e.hint(), none);
        }
    }

    /** The Python with pip that runs pip (and builds source archives), found once per choice. */
    private PythonLocator.Python python(InstallSpec spec) throws InterruptedException {
        String key = spec.python() == null ? "" : spec.python().toAbsolutePath().toString();
        PythonLocator.Python python = knownPythons.get(key);
        if (python == null) {
            python = new PythonLocator(env, runner).locate(spec.python());
            knownPythons.put(key, python);
        }
        return python;
    }

    private Optional<String> uvVersion(Path uv) throws InterruptedException {
        try {
            ProcessRunner.Result r = runner.run(List.of(uv.toString(), "--version"), null, line -> { });
            if (r.ok() && !r.lines().isEmpty() && r.lines().get(0).startsWith("uv ")) {
                String v = r.lines().get(0).strip();
                int paren = v.indexOf(" (");
                return Optional.of(paren > 0 ? v.substring(0, paren) : v);
            }
        } catch (IOException e) {
            LOG.debug("uv at {} does not run", uv, e);
        }
        return Optional.empty();
    }
}
