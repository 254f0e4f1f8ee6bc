package dev.layerstudio.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one verdict on whether a layer version may go onto a function: every path that changes
 * a function (attach, upgrade, staged rollouts, recovery; the window and the command line)
 * gets its flags from here, through {@link AttachPlanner}.
 *
 * <p>What the content holds decides first, since Lambda itself checks nothing: a wrong-processor
 * {@code .so} fails only at import. Declared runtimes and architectures are metadata (used for
 * filtering), so a declared runtime that does not match pure-Python content is only a warning;
 * declared architectures that exclude the function's are taken at their word.
 */
public final class CompatibilityVerdict {

    /** What a plan entry comes to. */
    public enum Level {
        /** Nothing stands in the way. */
        OK,
        /** Worth a look; applied after one confirmation. */
        WARNING,
        /** Not changed (unless the user attaches anyway, where that is allowed). */
        BLOCKED
    }

    private CompatibilityVerdict() {
    }

    /** The verdict on one function's plan. */
    public static Level of(FunctionPlan plan) {
        if (plan.blocked()) {
            return Level.BLOCKED;
        }
        return plan.flags().stream().anyMatch(f -> f.needsConfirmation() || f.overridden()) ? Level.WARNING
                : Level.OK;
    }

    /**
     * The flags for one layer version that is new in {@code function}'s list, from what
     * {@code facts} know of it (its declared metadata, its content, or why its content is unknown).
     */
    static List<PlanFlag> newLayer(FunctionInfo function, LayerVersionRef ref, PlanFacts facts) {
        String arn = ref.arn();
        String layer = ref.name() + ":" + ref.version();
        Architecture arch = Architecture.fromId(function.architecture()).orElse(Architecture.X86_64);
        Optional<Runtime> python = function.runtime() == null ? Optional.empty()
                : Runtime.fromId(function.runtime()).filter(r -> r.id().startsWith("python"));
        LayerVersionInfo declared = facts.versions().get(arn);
        ContentFacts content = facts.contents().get(arn);
        List<PlanFlag> flags = new ArrayList<>();
        if (content != null) {
            flags.addAll(judgeContent(function, layer, arn, arch, python, content));
        } else if (facts.unreadContents().containsKey(arn)) {
            flags.add(PlanFlag.warning(PlanFlag.Kind.CONTENT_NOT_READ, "The content of " + layer
                    + " could not be read (" + trimPeriod(facts.unreadContents().get(arn))
                    + "), so only its declared runtimes and architectures were checked.", arn));
        }
        if (declared != null && !declared.supportsArchitecture(arch.id())) {
            flags.add(PlanFlag.incompatible(PlanFlag.Kind.ARCHITECTURE_INCOMPATIBLE, layer + " is declared for "
                    + String.join(", ", declared.compatibleArchitectures()) + " only; " + function.name()
                    + " runs on " + arch.id() + ".", arn));
        }
        if (declared != null && function.runtime() != null && !declared.supportsRuntime(function.runtime())
                && flags.stream().noneMatch(f -> f.kind() == PlanFlag.Kind.FOREIGN_PYTHON_ABI
                        || f.kind() == PlanFlag.Kind.SITE_PACKAGES_VERSION)) {
            String why = content == null ? "its content was not checked"
                    : content.cpythonAbis().isEmpty() ? "its content is pure Python, so it should still work"
                    : "its extension modules are built for this runtime";
            flags.add(PlanFlag.warning(PlanFlag.Kind.RUNTIME_INCOMPATIBLE, layer + " is declared for "
                    + String.join(", ", declared.compatibleRuntimes()) + ", not for " + function.name() + "'s "
                    + function.runtime() + "; " + why + ".", arn));
        }
        return flags;
    }

    private static List<PlanFlag> judgeContent(FunctionInfo function, String layer, String arn, Architecture arch,
                                               Optional<Runtime> python, ContentFacts content) {
        List<PlanFlag> flags = new ArrayList<>();
        String fn = function.name();
        for (ContentFacts.Group os : content.foreignOs()) {
            flags.add(PlanFlag.incompatible(PlanFlag.Kind.FOREIGN_OS, layer + " holds " + files(os, "native file")
                    + " built for " + os.value() + " (" + os.example() + "); Lambda runs Linux, so " + fn
                    + " could not load " + (os.files() == 1 ? "it." : "them."), arn));
        }
        Optional<ContentFacts.Group> machine = content.foreignMachine(arch);
        if (machine.isPresent()) {
            ContentFacts.Group m = machine.get();
            String text = layer + " holds " + files(m, "native file") + " for " + m.value() + " (" + m.example()
                    + "); " + fn + " runs on " + arch.id();
            if (content.hasMachine(arch)) {
                flags.add(PlanFlag.warning(PlanFlag.Kind.FOREIGN_ARCHITECTURE, text + ". It also holds code for "
                        + arch.machine() + ", but the " + m.value() + " files will not load.", arn));
            } else {
                flags.add(PlanFlag.incompatible(PlanFlag.Kind.FOREIGN_ARCHITECTURE, text
                        + ", so they fail to load (\"invalid ELF header\").", arn));
            }
        }
        if (python.isPresent()) {
            Runtime runtime = python.get();
            Optional<ContentFacts.Group> abi = content.foreignAbi(runtime.abiDigits());
            if (abi.isPresent()) {
                ContentFacts.Group a = abi.get();
                boolean mixed = content.cpythonAbis().stream().anyMatch(g -> g.value().equals(runtime.abiDigits()));
                String text = layer + " holds " + files(a, "extension module") + " built for CPython "
                        + abiVersion(a.value()) + " (" + a.example() + "); " + fn + " runs " + runtime.id();
                flags.add(mixed
                        ? PlanFlag.warning(PlanFlag.Kind.FOREIGN_PYTHON_ABI, text + "; those modules will not import.",
                                arn)
                        : PlanFlag.incompatible(PlanFlag.Kind.FOREIGN_PYTHON_ABI, text + ", so they will not import.",
                                arn));
            }
            if (content.onlySitePackages() && !content.sitePackages().contains(runtime.pythonVersion())) {
                flags.add(PlanFlag.incompatible(PlanFlag.Kind.SITE_PACKAGES_VERSION, layer + " keeps its packages in "
                        + String.join(", ", content.sitePackages().stream()
                                .map(v -> "python/lib/python" + v + "/site-packages").toList())
                        + ", which " + fn + "'s " + runtime.id() + " does not read.", arn));
            }
        }
        return flags;
    }

    private static String files(ContentFacts.Group g, String noun) {
        return g.files() + " " + noun + (g.files() == 1 ? "" : "s");
    }

    /** {@code 312} → {@code 3.12}. */
    static String abiVersion(String digits) {
        return digits.length() < 2 ? digits : digits.charAt(0) + "." + digits.substring(1);
    }

    private static String trimPeriod(String text) {
        String t = text == null ? "no reason given" : text.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
