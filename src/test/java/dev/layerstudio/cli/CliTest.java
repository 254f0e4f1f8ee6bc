package dev.layerstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void helpListsGlobalOptions() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--profile", "--region", "--endpoint-url", "--json", "Usage: layer-studio");
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("Layer Studio ").doesNotContain("unknown");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate");
    }

    @Test
    void helpListsEverySubcommand() {
        assertThat(run("--help")).isZero();
        for (Class<?> command : Subcommands.ALL) {
            assertThat(out.toString()).contains("  " + Subcommands.name(command) + " ");
        }
    }

    @Test
    void aRunBuildsOnlyTheSubcommandsItsArgumentsName() {
        CommandLine cl = Cli.commandLine(new LayerStudioCommand(), new PrintWriter(out), new PrintWriter(err),
                "--region", "eu-west-1", "inspect", "layer.zip");
        assertThat(cl.getSubcommands()).containsOnlyKeys("inspect");
    }

    @Test
    void globalOptionsBeforeTheCommandStillParseWithTheCommandAlone() {
        String[] args = {"--profile", "prod", "--region", "eu-west-1", "layers", "--json"};
        CommandLine cl = Cli.commandLine(new LayerStudioCommand(), new PrintWriter(out), new PrintWriter(err), args);
        assertThat(cl.getSubcommands()).containsOnlyKeys("layers");
        CommandLine.ParseResult parsed = cl.parseArgs(args);
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("layers");
        assertThat(parsed.matchedOptionValue("--profile", "")).isEqualTo("prod");
        assertThat(parsed.subcommand().hasMatchedOption("--json")).isTrue();
    }

    @Test
    void helpForOneCommandAndAMistypedNameWork() {
        assertThat(run("help", "inspect")).isZero();
        assertThat(out.toString()).contains("Usage: layer-studio inspect");
        assertThat(run("inspekt")).isEqualTo(2);
        assertThat(err.toString()).contains("inspect"); // picocli suggests the nearest name
    }
}
