package dev.layerstudio.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerstudio.model.Requirements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requirement lines and paths reach the installer as separate arguments, exactly as typed, and
 * never through a shell: the command the builder would give pip is run by the same
 * {@link ProcessRunner}, with a Python that prints its argv instead of installing.
 */
class ShellFreeArgumentsTest {

    @TempDir
    Path tmp;

    @Test
    void shellSyntaxInRequirementsAndPathsArrivesVerbatim() throws Exception {
        Path pwned = tmp.resolve("pwned");
        // the process runs in tmp, so a relative 'touch pwned' that ever ran would make tmp/pwned
        Path dir = Files.createDirectories(tmp.resolve("reqs; rm -rf ~ $(touch pwned)"));
        Path file = Files.writeString(dir.resolve("`touch pwned`.txt"), "six\n");
        List<String> lines = List.of("requests; rm -rf " + tmp, "$(touch pwned)", "`touch pwned`",
                "boto3 | tee pwned", "x && touch pwned", "--extra-index-url https://example.invalid/$(id)");
        List<String> args = RequirementArgs.arguments(new Requirements(lines, List.of(file)), tmp);

        List<String> command = new ArrayList<>(List.of("python3", "-c",
                "import json, sys; print(json.dumps(sys.argv[1:]))"));
        command.addAll(args);
        List<String> out = new ArrayList<>();
        ProcessRunner.Result result = new ProcessRunner(Map.of()).run(command, tmp, out::add);

        assertThat(result.exitCode()).isZero();
        List<String> argv = new ObjectMapper().readValue(out.get(out.size() - 1), new TypeReference<List<String>>() { });
        assertThat(argv).containsExactly(lines.get(0), lines.get(1), lines.get(2), lines.get(3), lines.get(4),
                "--extra-index-url", "https://example.invalid/$(id)", "-r", file.toString());
        assertThat(pwned).doesNotExist();
        assertThat(file).exists();
    }
}
