package dev.layerstudio.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.ImportCheck;
import dev.layerstudio.model.ImportResult;
import dev.layerstudio.model.Runtime;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports each top-level module of a layer with a local Python of the runtime's version,
 * on Linux and the function's architecture, in isolated mode ({@code -I -S}) with only
 * the layer's folders on {@code sys.path}. When no such Python exists, says why the check
 * did not run. A zip is extracted to a temporary folder for the check and removed after.
 */
final class ImportChecker {

    private static final Logger LOG = LoggerFactory.getLogger(ImportChecker.class);
    private static final long TIMEOUT_SECONDS = 120;
    /** Made on first use: only an import check needs it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** Modules the Lambda Python runtimes provide (the AWS SDK and what it needs). */
    static final Set<String> RUNTIME_MODULES = Set.of("boto3", "botocore", "s3transfer", "jmespath", "dateutil",
            "urllib3", "six");

    private static final String PROBE = "import sys, platform; print('%d.%d %s %s' % (sys.version_info[0],"
            + " sys.version_info[1], platform.system(), platform.machine()))";
    private static final String SCRIPT = String.join("\n",
            "import importlib, json, sys",
            "paths, modules = json.loads(sys.argv[1]), json.loads(sys.argv[2])",
            "sys.path[:0] = paths",
            "for name in modules:",
            "    try:",
            "        importlib.import_module(name)",
            "        print(json.dumps({'module': name, 'ok': True}), flush=True)",
            "    except BaseException as e:",
            "        missing = getattr(e, 'name', None) if isinstance(e, ImportError) else None",
            "        print(json.dumps({'module': name, 'ok': False, 'missing': missing,",
            "                          'error': type(e).__name__ + ': ' + str(e)}), flush=True)");

    private final Path workDir;

    ImportChecker(Path workDir) {
        this.workDir = workDir;
    }

    ImportCheck check(LayerSource source, Runtime runtime, Architecture architecture, List<String> modules) {
        if (runtime == null) {
            return ImportCheck.notRun("No runtime was given or found in the layer, so there is no Python to match.");
        }
        if (!runtime.isPython()) {
            return ImportCheck.notRun("The import check runs Python; " + runtime.id() + " layers are checked by reading"
                    + " their files only.");
        }
        if (source instanceof LayerSource.Remote) {
            return ImportCheck.notRun("The import check needs the layer on disk: run it on the zip before publishing.");
        }
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return ImportCheck.notRun("Lambda runs Linux and this computer runs " + os
                    + ", where Linux binaries cannot load.");
        }
        if (modules.isEmpty()) {
            return ImportCheck.notRun("The layer has no top-level Python modules to import.");
        }
        List<String> seen = new ArrayList<>();
        Optional<String> python = findPython(runtime, architecture, seen);
        if (python.isEmpty()) {
            return ImportCheck.notRun("No local python" + runtime.pythonVersion() + " for Linux "
                    + architecture.machine() + " was found" + (seen.isEmpty() ? "" : " (found " + String.join(", ", seen)
                    + ")") + ".");
        }
        Path extracted = null;
        try {
            Path layerDir;
            if (source instanceof LayerSource.Folder f) {
                layerDir = f.path();
            } else {
                extracted = extract(((LayerSource.LocalZip) source).path());
                layerDir = extracted;
            }
            List<String> paths = List.of(layerDir.resolve("python").toString(),
                    layerDir.resolve(runtime.sitePackagesPath()).toString());
            return new ImportCheck(true, null, python.get(), run(python.get(), paths, modules, layerDir));
        } catch (IOException e) {
            LOG.warn("Import check failed to run", e);
            return ImportCheck.notRun("The import check could not run: " + e.getMessage());
        } finally {
            if (extracted != null) {
                deleteTree(extracted);
            }
        }
    }

    private List<ImportResult> run(String python, List<String> paths, List<String> modules, Path cwd)
            throws IOException {
        Files.createDirectories(workDir);
        Path output = Files.createTempFile(workDir, "import-check-", ".jsonl");
        try {
            Process p = new ProcessBuilder(python, "-I", "-S", "-c", SCRIPT, Json.MAPPER.writeValueAsString(paths),
                    Json.MAPPER.writeValueAsString(modules)).directory(cwd.toFile())
                    .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String ending;
            try {
                if (p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    ending = "Python stopped (exit code " + p.exitValue() + ") before or while importing it";
                } else {
                    p.destroyForcibly();
                    ending = "the import did not finish within " + TIMEOUT_SECONDS + " s";
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new CancellationException("Import check cancelled.");
            }
            Map<String, ImportResult> results = new LinkedHashMap<>();
            for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
                if (line.startsWith("{\"module\"")) { // anything else is a module printing on its own
                    JsonNode n = Json.MAPPER.readTree(line);
                    results.put(n.path("module").asText(), result(n.path("module").asText(), n));
                }
            }
            List<ImportResult> all = new ArrayList<>();
            for (String m : modules) {
                all.add(results.getOrDefault(m, new ImportResult(m, false, ending)));
            }
            return all;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static ImportResult result(String module, JsonNode n) {
        if (n.path("ok").asBoolean()) {
            return new ImportResult(module, true, null);
        }
        String missing = n.path("missing").isTextual() ? n.path("missing").asText() : null;
        if (missing != null && RUNTIME_MODULES.contains(missing.split("\\.")[0]) && !missing.equals(module)) {
            return new ImportResult(module, true, "needs " + missing
                    + ", which the Lambda runtime provides; not checked further");
        }
        return new ImportResult(module, false, n.path("error").asText());
    }

    /** The first Python on PATH of the runtime's version, on Linux and the wanted machine. */
    private static Optional<String> findPython(Runtime runtime, Architecture arch, List<String> seen) {
        Set<String> candidates = new LinkedHashSet<>();
        for (String name : List.of("python" + runtime.pythonVersion(), "python3", "python")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (!dir.isEmpty() && Files.isExecutable(p)) {
                    candidates.add(p.toString());
                }
            }
        }
        for (String candidate : candidates) {
            String probe = probe(candidate);
            if (probe == null) {
                continue;
            }
            if (probe.equals(runtime.pythonVersion() + " Linux " + arch.machine())) {
                return Optional.of(candidate);
            }
            if (!seen.contains(probe)) {
                seen.add(probe);
            }
        }
        return Optional.empty();
    }

    private static String probe(String python) {
        try {
            Process p = new ProcessBuilder(python, "-I", "-S", "-c", PROBE).redirectErrorStream(true).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readNBytes(256), StandardCharsets.UTF_8).strip();
            }
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String[] parts = out.split(" ");
            if (p.exitValue() != 0 || parts.length != 3) {
                return null;
            }
            String machine = parts[2].equals("arm64") ? "aarch64" : parts[2].equals("AMD64") ? "x86_64" : parts[2];
            return parts[0] + " " + parts[1] + " " + machine;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Import check cancelled.");
        }
    }

    /** Extracts the zip's safe entries ({@link SafeExtractor}) into a new temporary folder. */
    private Path extract(Path zip) throws IOException {
        Files.createDirectories(workDir);
        Path dir = Files.createTempDirectory(workDir, "import-check-");
        try {
            new SafeExtractor().extract(zip, dir);
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
        return dir;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("Could not delete {}", p, e);
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not remove {}", dir, e);
        }
    }
}
