package dev.layerstudio.build;

import dev.layerstudio.model.InstallSpec;
import dev.layerstudio.model.InstalledPackage;
import dev.layerstudio.model.LayerStudioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** pip or uv: how to call it for a Lambda target, how to read its output and its failures. */
abstract sealed class InstallerTool permits InstallerTool.Pip, InstallerTool.Uv {

    /** Where an install has got to, with the share of the work done by then. */
    enum Stage {
        RESOLVING(0.05), DOWNLOADING(0.2), INSTALLING(0.75);

        final double start;

        Stage(double start) {
            this.start = start;
        }
    }

    /** A stage and what to show for it, read from one line of output. */
    record Step(Stage stage, String message) {
    }

    /** "pip 24.0 (Python 3.12.3)" or "uv 0.5.1". */
    abstract String describe();

    abstract List<String> command(InstallSpec spec, Path target, Path report, List<String> requirementArgs);

    /** What was installed. */
    abstract List<InstalledPackage> packages(Path target, Path report, Set<String> requested) throws IOException;

    /** Why the run failed, as a sentence for the user; may run the tool again to find out. */
    abstract LayerStudioException diagnose(InstallSpec spec, List<String> command, ProcessRunner.Result result)
            throws InterruptedException;

    /** The step a line of output shows, or {@code null}. */
    abstract Step stepOf(String line);

    static final class Pip extends InstallerTool {
        private static final Logger LOG = LoggerFactory.getLogger(Pip.class);

        private final PythonLocator.Python python;
        private final ProcessRunner runner;

        Pip(PythonLocator.Python python, ProcessRunner runner) {
            this.python = python;
            this.runner = runner;
        }

        @Override
        String describe() {
            return python.describe();
        }

        @Override
        List<String> command(InstallSpec spec, Path target, Path report, List<String> requirementArgs) {
            List<String> cmd = new ArrayList<>(python.command());
            cmd.addAll(List.of("-m", "pip", "install", "--target", target.toString(), "--no-compile",
                    "--progress-bar", "off", "--disable-pip-version-check", "--report", report.toString()));
            cmd.addAll(PlatformTags.pipFlags(spec.runtime(), spec.architecture()));
            cmd.addAll(requirementArgs);
            return cmd;
        }

        @Override
        List<InstalledPackage> packages(Path target, Path report, Set<String> requested) throws IOException {
            return Files.isRegularFile(report) ? DistInfo.fromReport(report) : DistInfo.fromTarget(target, requested);
        }

        @Override
        LayerStudioException diagnose(InstallSpec spec, List<String> command, ProcessRunner.Result result)
                throws InterruptedException {
            List<String> probe = List.of();
            if (InstallFailures.pipMissingProject(result.lines()) != null) {
                // The same resolution again, verbose and without installing: pip then lists the
                // files it skipped (wheels for other platforms, source archives).
                List<String> again = new ArrayList<>();
                for (int i = 0; i < command.size(); i++) {
                    if (command.get(i).equals("--report")) {
                        i++;
                        continue;
                    }
                    again.add(command.get(i));
                }
                again.addAll(List.of("--dry-run", "-vv"));
                try {
                    probe = runner.run(again, null, line -> { }).lines();
                } catch (IOException e) {
                    LOG.debug("Probe failed", e);
                }
            }
            return InstallFailures.pip(spec, result, probe);
        }

        @Override
        Step stepOf(String line) {
            String s = line.strip();
            if (s.startsWith("Collecting ")) {
                return new Step(Stage.RESOLVING, "Resolving " + s.substring(11).strip());
            }
            if (s.startsWith("Processing ")) { // a local file or folder
                return new Step(Stage.DOWNLOADING, "Reading " + s.substring(11).strip());
            }
            if (s.startsWith("Downloading ") || s.startsWith("Using cached ")) {
                String file = s.substring(s.indexOf(' ', 6) + 1).strip();
                int space = file.indexOf(' ');
                file = space > 0 ? file.substring(0, space) : file;
                return new Step(Stage.DOWNLOADING, "Downloading " + file.substring(file.lastIndexOf('/') + 1));
            }
            if (s.startsWith("Installing collected packages:")) {
                return new Step(Stage.INSTALLING, "Installing " + s.substring(30).strip());
            }
            return null;
        }
    }

    static final class Uv extends InstallerTool {
        private final Path uv;
        private final String version;
        private final Path python;

        Uv(Path uv, String version, Path python) {
            this.uv = uv;
            this.version = version;
            this.python = python;
        }

        @Override
        String describe() {
            return version;
        }

        @Override
        List<String> command(InstallSpec spec, Path target, Path report, List<String> requirementArgs) {
            List<String> cmd = new ArrayList<>(List.of(uv.toString(), "pip", "install", "--target", target.toString(),
                    "--no-progress"));
            cmd.addAll(PlatformTags.uvFlags(spec.runtime(), spec.architecture()));
            if (python != null) {
                cmd.addAll(List.of("--python", python.toString()));
            }
            cmd.addAll(requirementArgs);
            return cmd;
        }

        @Override
        List<InstalledPackage> packages(Path target, Path report, Set<String> requested) throws IOException {
            return Files.isDirectory(target) ? DistInfo.fromTarget(target, requested) : List.of();
        }

        @Override
        LayerStudioException diagnose(InstallSpec spec, List<String> command, ProcessRunner.Result result) {
            return InstallFailures.uv(spec, result);
        }

        @Override
        Step stepOf(String line) {
            String s = line.strip();
            if (s.startsWith("Resolved ")) {
                return new Step(Stage.DOWNLOADING, s);
            }
            if (s.startsWith("Downloading ")) {
                return new Step(Stage.DOWNLOADING, s);
            }
            if (s.startsWith("Prepared ")) {
                return new Step(Stage.INSTALLING, "Installing (" + s + ")");
            }
            return null;
        }
    }
}
