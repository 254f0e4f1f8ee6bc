package dev.layerstudio.model;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one headless build needs: what to install, the user's own files, which
 * slimming rules to apply, how to settle conflicts, and where the zip goes.
 */
public record BuildSpec(InstallSpec install, List<AddedPath> additions, Set<SlimRule> slimming,
                        ConflictPolicy conflictPolicy, Path output) {

    public BuildSpec {
        Objects.requireNonNull(install, "install");
        Objects.requireNonNull(output, "output");
        additions = List.copyOf(additions);
        slimming = slimming.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(slimming));
        conflictPolicy = conflictPolicy == null ? ConflictPolicy.FAIL : conflictPolicy;
    }

    public static BuildSpec of(InstallSpec install, Path output) {
        return new BuildSpec(install, List.of(), Set.of(), ConflictPolicy.FAIL, output);
    }

    public BuildSpec withAdditions(List<AddedPath> value) {
        return new BuildSpec(install, value, slimming, conflictPolicy, output);
    }

    public BuildSpec withSlimming(Set<SlimRule> value) {
        return new BuildSpec(install, additions, value, conflictPolicy, output);
    }

    public BuildSpec withConflictPolicy(ConflictPolicy value) {
        return new BuildSpec(install, additions, slimming, value, output);
    }

    public BuildSpec withOutput(Path value) {
        return new BuildSpec(install, additions, slimming, conflictPolicy, value);
    }
}
