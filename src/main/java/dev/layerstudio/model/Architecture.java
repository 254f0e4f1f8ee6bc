package dev.layerstudio.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The instruction set architectures Lambda offers. */
public enum Architecture {
    X86_64("x86_64", "x86_64", "x86-64"),
    ARM64("arm64", "aarch64", "AArch64");

    private final String id;
    private final String machine;
    private final String displayName;

    Architecture(String id, String machine, String displayName) {
        this.id = id;
        this.machine = machine;
        this.displayName = displayName;
    }

    /** The identifier Lambda uses: {@code x86_64} or {@code arm64}. */
    public String id() {
        return id;
    }

    /** The machine name in wheel platform tags: {@code x86_64} or {@code aarch64}. */
    public String machine() {
        return machine;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<Architecture> fromId(String id) {
        return Arrays.stream(values())
                .filter(a -> a.id.equalsIgnoreCase(id) || a.machine.equalsIgnoreCase(id))
                .findFirst();
    }

    public static Architecture parse(String id) {
        return fromId(id).orElseThrow(() -> new LayerStudioException(
                "Unknown architecture '" + id + "'. Choose x86_64 or arm64."));
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Architecture::id).toList();
    }

    @Override
    public String toString() {
        return id;
    }
}
