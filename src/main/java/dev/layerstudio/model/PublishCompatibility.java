package dev.layerstudio.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a new version should declare, read from what it holds: native code for one processor
 * makes it that architecture's only; extension modules for one CPython make it that runtime's;
 * pure Python runs on both architectures and the runtimes the build targeted. The same reading
 * says why a declaration the content cannot run on is wrong, before it misleads anyone's filter.
 */
public final class PublishCompatibility {

    /**
     * A proposed declaration.
     *
     * @param runtimes      runtime ids, newest last
     * @param architectures {@code x86_64} and/or {@code arm64}
     * @param reasons       plain sentences: why these
     */
    public record Proposal(List<String> runtimes, List<String> architectures, List<String> reasons) {
        public Proposal {
            runtimes = List.copyOf(runtimes);
            architectures = List.copyOf(architectures);
            reasons = List.copyOf(reasons);
        }
    }

    private PublishCompatibility() {
    }

    /**
     * @param content  what the zip holds
     * @param targeted the runtimes the build installed for (may be empty when unknown, such as a zip
     *                 made elsewhere)
     */
    public static Proposal propose(ContentFacts content, List<String> targeted) {
        List<String> reasons = new ArrayList<>();
        List<String> archs = new ArrayList<>();
        for (Architecture a : Architecture.values()) {
            if (content.machines().isEmpty() || content.hasMachine(a)) {
                archs.add(a.id());
            }
        }
        if (content.machines().isEmpty()) {
            reasons.add("No native Linux code: both architectures.");
        } else {
            reasons.add("Native code built for " + String.join(" and ", content.machines().stream()
                    .map(ContentFacts.Group::value).toList()) + (archs.size() == 1 ? ", so " + archs.get(0) + " only."
                    : ", so both architectures."));
        }
        Set<String> runtimes = new LinkedHashSet<>();
        Set<String> abis = new LinkedHashSet<>();
        content.cpythonAbis().forEach(g -> abis.add(g.value()));
        if (!abis.isEmpty()) {
            for (String id : Runtime.ids()) {
                Runtime.fromId(id).filter(r -> abis.contains(r.abiDigits())).ifPresent(r -> runtimes.add(r.id()));
            }
            reasons.add("Extension modules for CPython " + String.join(", ", abis.stream()
                    .map(CompatibilityVerdict::abiVersion).toList()) + ".");
        } else if (!content.sitePackages().isEmpty() && content.pythonRootFiles() == 0) {
            for (String version : content.sitePackages()) {
                Runtime.fromId("python" + version).ifPresent(r -> runtimes.add(r.id()));
            }
            reasons.add("Packages in python/lib/pythonX.Y/site-packages for " + String.join(", ",
                    content.sitePackages()) + ".");
        } else {
            runtimes.addAll(targeted);
            reasons.add(targeted.isEmpty() ? "No CPython extension modules; choose the runtimes it was written for."
                    : targeted.stream().allMatch(id -> id.startsWith("nodejs")) ? "Node.js packages: the runtimes it was built for."
                    : "Pure Python: the runtimes it was built for.");
        }
        return new Proposal(List.copyOf(runtimes), archs, reasons);
    }

    /**
     * Why the content cannot run on each of the declared runtimes and architectures it cannot run
     * on; empty when the declaration is sound.
     */
    public static List<String> problems(ContentFacts content, List<String> runtimes, List<String> architectures) {
        List<String> out = new ArrayList<>();
        for (String id : architectures) {
            Architecture.fromId(id).ifPresent(a -> content.foreignMachine(a).filter(m -> !content.hasMachine(a))
                    .ifPresent(m -> out.add(a.id() + ": the layer's native code is for " + m.value() + " ("
                            + m.files() + " file" + (m.files() == 1 ? "" : "s") + ", e.g. " + m.example()
                            + "); it will not load on " + a.displayName() + ".")));
        }
        for (String id : runtimes) {
            Runtime.fromId(id).filter(r -> r.id().startsWith("python")).ifPresent(r -> {
                boolean abiOk = content.cpythonAbis().isEmpty()
                        || content.cpythonAbis().stream().anyMatch(g -> g.value().equals(r.abiDigits()));
                if (!abiOk) {
                    ContentFacts.Group g = content.cpythonAbis().get(0);
                    out.add(r.id() + ": the extension modules are built for CPython "
                            + CompatibilityVerdict.abiVersion(g.value()) + " (e.g. " + g.example()
                            + "); they will not import on " + r.id() + ".");
                } else if (content.onlySitePackages() && !content.sitePackages().contains(r.pythonVersion())) {
                    out.add(r.id() + ": the packages sit in python/lib/python" + content.sitePackages().get(0)
                            + "/site-packages, which " + r.id() + " does not read.");
                }
            });
        }
        return out;
    }
}
