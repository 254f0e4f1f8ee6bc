package dev.layerstudio.cli;

import dev.layerstudio.model.AddedPath;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.BuildSpec;
import dev.layerstudio.model.ConflictPolicy;
import dev.layerstudio.model.InstallSpec;
import dev.layerstudio.model.InstallerChoice;
import dev.layerstudio.model.Layout;
import dev.layerstudio.model.Requirements;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.SlimRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What to build, as flags: shared by {@code build} and {@code project init}, so a project
 * written from flags builds what the same flags build.
 */
final class BuildFlags {

    /** The long names of these flags, to tell when one is given beside --project. */
    static final Set<String> NAMES = Set.of("--requirement", "--group", "--keep-scripts", "--runtime", "--arch",
            "--layout", "--add", "--slim", "--exclude-boto3", "--installer", "--python", "--prefer");

    @Parameters(paramLabel = "PKG", arity = "0..*",
            description = "Requirements to install, as pip takes them (requests==2.32.3, 'boto3>=1.34'); "
                    + "for Node.js, as npm takes them (sharp@0.34.4, @aws-sdk/client-s3).")
    List<String> packages = new ArrayList<>();

    @Option(names = {"-r", "--requirement"}, paramLabel = "FILE",
            description = "What to install: a requirements file (its -r, -c, index options and --hash pins are "
                    + "honoured), pyproject.toml, poetry.lock, uv.lock or Pipfile.lock; for Node.js a package.json "
                    + "(or its folder; its package-lock.json, npm-shrinkwrap.json or pnpm-lock.yaml is used). Repeatable.")
    List<Path> requirementFiles = new ArrayList<>();

    @Option(names = "--group", paramLabel = "NAME",
            description = "Also install this group of a pyproject.toml or lock file (an extra, a dependency group, "
                    + "a Poetry group, Pipfile's dev). The main one always goes in. Repeatable.")
    List<String> groups = new ArrayList<>();

    @Option(names = "--keep-scripts",
            description = "Keep the console scripts packages install in python/bin, with Lambda's Python "
                    + "(/var/lang/bin/python3) in their first line. By default they are left out.")
    boolean keepScripts;

    @Option(names = "--runtime", paramLabel = "RUNTIME",
            description = "Lambda runtime: ${COMPLETION-CANDIDATES}. Required unless --project gives it.",
            completionCandidates = RuntimeIds.class)
    String runtime;

    @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "x86_64",
            description = "x86_64 or arm64 (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "python",
            description = "Where packages go: python (python/) or site-packages "
                    + "(python/lib/python3.X/site-packages/); for Node.js node_modules (nodejs/node_modules/, the "
                    + "default) or nodeNN (nodejs/node20/node_modules/, read by that runtime only). "
                    + "Default: ${DEFAULT-VALUE}.")
    String layout;

    @Option(names = "--add", paramLabel = "SRC[=DEST]",
            description = "Add your own file or folder, at DEST inside the layer (default python/<name>; "
                    + "nodejs/node_modules/<name> for Node.js; a DEST ending in / is a folder to put it in). Repeatable.")
    List<String> additions = new ArrayList<>();

    @Option(names = "--slim", description = "Leave out bytecode caches, and tests and docs folders of installed packages.")
    boolean slim;

    @Option(names = "--exclude-boto3",
            description = "Leave out boto3, botocore and s3transfer (the runtime has them).")
    boolean excludeBoto3;

    @Option(names = "--installer", paramLabel = "auto|pip|uv", defaultValue = "auto",
            description = "Which installer runs: uv when on PATH with auto (default), else pip.")
    String installer;

    @Option(names = "--python", paramLabel = "PATH",
            description = "The Python to run pip with (default: python3, python, or py -3 on Windows).")
    Path python;

    @Option(names = "--prefer", paramLabel = "mine|installed",
            description = "When your file and an installed one have the same path, which wins (default: stop with an error).")
    String prefer;

    Set<SlimRule> slimming() {
        Set<SlimRule> rules = EnumSet.noneOf(SlimRule.class);
        if (slim) {
            rules.addAll(SlimRule.standard());
        }
        if (excludeBoto3) {
            rules.add(SlimRule.BOTO3);
        }
        return rules;
    }

    ConflictPolicy conflictPolicy() {
        return prefer == null ? ConflictPolicy.FAIL : ConflictPolicy.parse(prefer);
    }

    /** The build these flags ask for; {@code runtime} must be given. */
    BuildSpec buildSpec(Path output) {
        Requirements requirements = new Requirements(packages, requirementFiles, groups);
        InstallSpec install = new InstallSpec(Runtime.parse(runtime), Architecture.parse(arch), Layout.parse(layout),
                requirements, InstallerChoice.parse(installer), python, keepScripts);
        return BuildSpec.of(install, output)
                .withAdditions(additions.stream().map(AddedPath::parse).toList())
                .withSlimming(slimming())
                .withConflictPolicy(conflictPolicy());
    }

    /** The runtime ids for --help. */
    static final class RuntimeIds extends ArrayList<String> {
        RuntimeIds() {
            super(Runtime.allIds());
        }
    }
}
