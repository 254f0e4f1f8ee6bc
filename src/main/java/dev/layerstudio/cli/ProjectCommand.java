package dev.layerstudio.cli;

import picocli.CommandLine.Command;

/** {@code project init | from-version}: the project file that remembers how a layer is built and published. */
@Command(name = "project", mixinStandardHelpOptions = true,
        description = {"Layer projects: one file, committed next to your code, that remembers how a layer is built,"
                + " published and rolled out. 'build', 'publish', 'attach' and 'upgrade' take it with --project."},
        subcommands = {ProjectInitCommand.class, ProjectFromVersionCommand.class})
public final class ProjectCommand {
}
