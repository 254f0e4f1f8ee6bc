package dev.layerstudio.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a layer's content holds, as far as running it on a function goes: the native code in
 * it (by ELF machine, CPython ABI and foreign operating system) and its unzipped size. Read
 * by {@code inspect} from the zip's central directory and the binaries' headers; depends only
 * on the bytes, so it is the same for every function it is judged against.
 *
 * @param codeSha256       base64 SHA-256 of the zip, or null for a folder
 * @param unzippedBytes    every file's size, added up
 * @param machines         native Linux binaries by processor ({@code x86_64}, {@code aarch64}, ...)
 * @param cpythonAbis      extension modules by the CPython they are built for ({@code 312} for 3.12)
 * @param foreignOs        native files built for another operating system ({@code macOS}, {@code Windows},
 *                         {@code musl Linux (Alpine)})
 * @param sitePackages     the X.Y of every {@code python/lib/pythonX.Y/site-packages} folder with files in it
 * @param pythonRootFiles  files directly under {@code python/} outside {@code python/lib} (read by every Python)
 * @param headersComplete  false when some candidate binaries' headers were not read (a remote read's budget),
 *                         so a native file may have gone unnoticed
 */
public record ContentFacts(String codeSha256, long unzippedBytes, List<Group> machines, List<Group> cpythonAbis,
                           List<Group> foreignOs, List<String> sitePackages, int pythonRootFiles,
                           boolean headersComplete) {

    /**
     * Files that share one value.
     *
     * @param value   the machine, ABI digits or operating system
     * @param files   how many files
     * @param example one of them, for a message
     */
    public record Group(String value, int files, String example) {
        public Group {
            Objects.requireNonNull(value, "value");
        }
    }

    public ContentFacts {
        machines = List.copyOf(machines);
        cpythonAbis = List.copyOf(cpythonAbis);
        foreignOs = List.copyOf(foreignOs);
        sitePackages = List.copyOf(sitePackages);
    }

    /** Whether the layer holds any compiled code at all. */
    public boolean hasNativeCode() {
        return !machines.isEmpty() || !cpythonAbis.isEmpty() || !foreignOs.isEmpty();
    }

    /** Native Linux code for a processor other than {@code architecture}'s, if any. */
    public Optional<Group> foreignMachine(Architecture architecture) {
        return machines.stream().filter(g -> !g.value().equals(architecture.machine())).findFirst();
    }

    /** Whether some native Linux code runs on {@code architecture}. */
    public boolean hasMachine(Architecture architecture) {
        return machines.stream().anyMatch(g -> g.value().equals(architecture.machine()));
    }

    /** Extension modules for a CPython other than {@code abiDigits} ({@code 312}), if any. */
    public Optional<Group> foreignAbi(String abiDigits) {
        return cpythonAbis.stream().filter(g -> !g.value().equals(abiDigits)).findFirst();
    }

    /** Whether {@code python/lib/pythonX.Y/site-packages} folders are all the layer's Python code holds. */
    public boolean onlySitePackages() {
        return !sitePackages.isEmpty() && pythonRootFiles == 0;
    }
}
