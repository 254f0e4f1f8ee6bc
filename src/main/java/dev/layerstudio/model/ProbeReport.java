package dev.layerstudio.model;

import java.util.List;
import java.util.Objects;

/**
 * What the Lambda probe saw in the real runtime, and what the test created and removed.
 *
 * @param runtime      the runtime id the probe function ran
 * @param architecture the architecture it ran on
 * @param layerArn     the layer version tested (the temporary one, for a zip)
 * @param python       the runtime's Python version, as the probe saw it
 * @param glibc        the runtime's glibc version, null when it could not say
 * @param machine      the processor as Python names it ({@code x86_64}, {@code aarch64})
 * @param optBytes     the bytes under {@code /opt}: every layer of the function, unzipped
 * @param optFiles     the files under {@code /opt}
 * @param modules      each module tried, in the order tried
 * @param removed      what the test created and deleted again ("function x", "role y")
 * @param keptRole     the ARN of the role created for the test and kept on purpose, or null
 * @param leftBehind   what could not be removed (each with the reason); it is removed on the next start
 */
public record ProbeReport(String runtime, String architecture, String region, String layerArn, String python,
                          String glibc, String machine, long optBytes, long optFiles, List<ProbeModule> modules,
                          List<String> removed, String keptRole, List<String> leftBehind) {

    public ProbeReport {
        Objects.requireNonNull(runtime, "runtime");
        modules = modules == null ? List.of() : List.copyOf(modules);
        removed = removed == null ? List.of() : List.copyOf(removed);
        leftBehind = leftBehind == null ? List.of() : List.copyOf(leftBehind);
    }

    /** The modules that did not import. */
    public List<ProbeModule> failed() {
        return modules.stream().filter(m -> !m.ok()).toList();
    }

    /** Each module that did not import as an {@link FindingCode#IMPORT_FAILED} finding with the runtime's error. */
    public List<Finding> findings() {
        return failed().stream().map(m -> Finding.of(FindingCode.IMPORT_FAILED,
                "'" + m.name() + "' does not import in Lambda (" + runtime + ", " + architecture + "): "
                        + (m.error() == null ? "no error text" : m.error()), m.name())).toList();
    }

    /** The same report with what the cleanup did. */
    public ProbeReport withCleanup(List<String> removedNow, String keptRoleNow, List<String> leftNow) {
        return new ProbeReport(runtime, architecture, region, layerArn, python, glibc, machine, optBytes, optFiles,
                modules, removedNow, keptRoleNow, leftNow);
    }
}
