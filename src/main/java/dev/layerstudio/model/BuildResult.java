package dev.layerstudio.model;

import java.util.List;

/**
 * The outcome of a build: the zip, what was installed into it, and what slimming took out.
 *
 * @param installer the tool that installed the requirements ("pip 24.0 (Python 3.12.3)"),
 *                  or {@code null} when there were none
 * @param notes     things the user should know (index options in use, slimming notes)
 */
public record BuildResult(ZipResult zip, List<InstalledPackage> packages, Runtime runtime,
                          Architecture architecture, Layout layout, String installer, SlimReport slimming,
                          List<String> notes) {

    public BuildResult {
        packages = List.copyOf(packages);
        slimming = slimming == null ? SlimReport.none() : slimming;
        notes = List.copyOf(notes);
    }
}
