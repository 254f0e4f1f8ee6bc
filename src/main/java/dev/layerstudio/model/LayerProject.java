package dev.layerstudio.model;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One layer's project, as kept in a project file next to the user's code: what to build
 * (runtime, architecture, requirement sources, own code, slimming), how to publish it and
 * which functions it goes to. Paths are kept as written, relative to the project file's
 * folder; {@link #buildSpec} resolves them.
 *
 * @param layerName    the layer's name in Lambda
 * @param runtimes     runtime ids; the first is the one the build installs for, all are declared on publish
 * @param architecture the architecture the build installs for and publish declares
 * @param inputs       what pip or uv installs
 * @param code         the user's own files and folders and where they go in the layer
 * @param slimming     what the build leaves out
 * @param prefer       which file wins when the user's and an installed one have the same path
 * @param publish      description, license, bucket and regions for publishing
 * @param targets      the functions the layer is attached to and the order they are upgraded in
 */
public record LayerProject(String layerName, List<String> runtimes, Architecture architecture, Inputs inputs,
                           List<Code> code, Set<SlimRule> slimming, ConflictPolicy prefer, Publish publish,
                           Targets targets) {

    /**
     * The newest project file format this version reads and writes. Version 2 added a code entry's
     * {@code exclude}; a project without one is still written as version 1, which older versions read.
     */
    public static final int FORMAT = 2;

    /** The format a project needs: the oldest that can say everything it holds. */
    public int format() {
        return code.stream().anyMatch(c -> !c.exclude().isEmpty()) ? 2 : 1;
    }

    public LayerProject {
        layerName = layerName == null ? "" : layerName.strip();
        runtimes = List.copyOf(runtimes);
        runtimes.forEach(Runtime::parse); // one sentence for an unknown runtime
        Objects.requireNonNull(architecture, "architecture");
        inputs = inputs == null ? Inputs.none() : inputs;
        code = List.copyOf(code);
        slimming = slimming == null || slimming.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(slimming));
        prefer = prefer == null ? ConflictPolicy.FAIL : prefer;
        publish = publish == null ? Publish.none() : publish;
        targets = targets == null ? Targets.none() : targets;
    }

    /**
     * What pip or uv installs, as {@code build}'s flags say it.
     *
     * @param files    requirement sources (requirements.txt, pyproject.toml, poetry.lock, uv.lock,
     *                 Pipfile.lock), relative to the project file
     * @param packages requirement lines, as typed
     * @param groups   optional groups of pyproject.toml and lock files to install too
     * @param python   the Python to run pip with, or {@code null} to find one
     */
    public record Inputs(List<String> files, List<String> packages, List<String> groups, Layout layout,
                         InstallerChoice installer, String python, boolean keepScripts) {
        public Inputs {
            files = List.copyOf(files);
            packages = List.copyOf(packages);
            groups = List.copyOf(groups);
            layout = layout == null ? Layout.PYTHON : layout;
            installer = installer == null ? InstallerChoice.AUTO : installer;
            python = python == null || python.isBlank() ? null : python;
        }

        public static Inputs none() {
            return new Inputs(List.of(), List.of(), List.of(), Layout.PYTHON, InstallerChoice.AUTO, null, false);
        }

        public Inputs withFiles(List<String> value) {
            return new Inputs(value, packages, groups, layout, installer, python, keepScripts);
        }
    }

    /**
     * One of the user's files or folders.
     *
     * @param source      relative to the project file
     * @param destination its path in the layer, as {@code build --add SRC=DEST} takes it; {@code null}
     *                    for {@code python/<name>}
     * @param exclude     files and folders inside a folder source (relative to it, '/'-separated) that
     *                    the layer leaves out; as {@link AddedPath#exclude()} keeps them
     */
    public record Code(String source, String destination, List<String> exclude) {
        public Code {
            if (source == null || source.isBlank()) {
                throw new LayerStudioException("A code entry of the project names no source file or folder.");
            }
            destination = destination == null || destination.isBlank() ? null : destination;
            exclude = new AddedPath(Path.of(source), destination, exclude).exclude();
        }

        public Code(String source, String destination) {
            this(source, destination, List.of());
        }
    }

    /**
     * How to publish.
     *
     * @param s3Bucket the bucket for zips above the direct-upload limit, or {@code null}
     * @param regions  the regions to publish in; empty for the session's own
     */
    public record Publish(String description, String license, String s3Bucket, List<String> regions) {
        public Publish {
            description = description == null ? "" : description;
            license = license == null ? "" : license;
            s3Bucket = s3Bucket == null || s3Bucket.isBlank() ? null : s3Bucket;
            regions = List.copyOf(regions);
        }

        public static Publish none() {
            return new Publish("", "", null, List.of());
        }
    }

    /**
     * Where the layer goes.
     *
     * @param functions the functions it is attached to: names, name patterns or tags, each as
     *                  {@link WaveSelector#parse} reads it
     * @param waves     the waves of a staged upgrade, in order, as {@link WaveSelector#parse} reads them
     */
    public record Targets(List<String> functions, List<String> waves) {
        public Targets {
            functions = List.copyOf(functions);
            waves = List.copyOf(waves);
            functions.forEach(WaveSelector::parse);
            waves.forEach(WaveSelector::parse);
        }

        public static Targets none() {
            return new Targets(List.of(), List.of());
        }

        public List<WaveSelector> waveSelectors() {
            return waves.stream().map(WaveSelector::parse).toList();
        }

        public List<WaveSelector> functionSelectors() {
            return functions.stream().map(WaveSelector::parse).toList();
        }

        /** Whether choosing the functions needs their tags. */
        public boolean needsTags() {
            return functionSelectors().stream().anyMatch(WaveSelector::needsTags);
        }

        /** The functions, of those given (in their order), that any of the project's selectors matches. */
        public List<String> choose(List<String> functionNames, Map<String, Map<String, String>> tags) {
            List<WaveSelector> selectors = functionSelectors();
            return functionNames.stream().filter(n -> selectors.stream().anyMatch(s -> s.matches(n,
                    tags.getOrDefault(n, Map.of())))).toList();
        }
    }

    /** The runtime the build installs for: the first one named. */
    public Runtime buildRuntime() {
        if (runtimes.isEmpty()) {
            throw new LayerStudioException("The project names no runtime; add runtimes = [\"python3.12\"] to it.");
        }
        return Runtime.parse(runtimes.get(0));
    }

    /** What {@code build} does for this project, with every path resolved against {@code projectDir}. */
    public BuildSpec buildSpec(Path projectDir, Path output) {
        Requirements requirements = new Requirements(inputs.packages(),
                inputs.files().stream().map(projectDir::resolve).toList(), inputs.groups());
        InstallSpec install = new InstallSpec(buildRuntime(), architecture, inputs.layout(), requirements,
                inputs.installer(), python(projectDir), inputs.keepScripts());
        return BuildSpec.of(install, output)
                .withAdditions(code.stream().map(c -> new AddedPath(projectDir.resolve(c.source()),
                        c.destination(), c.exclude())).toList())
                .withSlimming(slimming)
                .withConflictPolicy(prefer);
    }

    /** A Python named by a path is found from the project's folder; a bare command name is left to the search path. */
    private Path python(Path projectDir) {
        String p = inputs.python();
        if (p == null) {
            return null;
        }
        return p.contains("/") || p.contains("\\") ? projectDir.resolve(p) : Path.of(p);
    }

    public LayerProject withLayerName(String value) {
        return new LayerProject(value, runtimes, architecture, inputs, code, slimming, prefer, publish, targets);
    }

    public LayerProject withInputs(Inputs value) {
        return new LayerProject(layerName, runtimes, architecture, value, code, slimming, prefer, publish, targets);
    }

    public LayerProject withCode(List<Code> value) {
        return new LayerProject(layerName, runtimes, architecture, inputs, value, slimming, prefer, publish, targets);
    }

    public LayerProject withSlimming(Set<SlimRule> value) {
        return new LayerProject(layerName, runtimes, architecture, inputs, code, value, prefer, publish, targets);
    }

    public LayerProject withPublish(Publish value) {
        return new LayerProject(layerName, runtimes, architecture, inputs, code, slimming, prefer, value, targets);
    }

    public LayerProject withTargets(Targets value) {
        return new LayerProject(layerName, runtimes, architecture, inputs, code, slimming, prefer, publish, value);
    }
}
