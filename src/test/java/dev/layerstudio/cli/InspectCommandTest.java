package dev.layerstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerstudio.testing.RangeServer;
import dev.layerstudio.testing.Zips;
import java.net.URI;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code inspect} and {@code diff} on the command line: the JSON contract, the summary, plain failures. */
class InspectCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path zip(String name, Map<String, String> files) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, Zips.of(files));
        return p;
    }

    private Path layer() throws Exception {
        return zip("layer.zip", Map.of(
                "python/six.py", "# six\n".repeat(100),
                "python/six-1.16.0.dist-info/RECORD", "six.py,,\nsix-1.16.0.dist-info/RECORD,,\n",
                "python/six-1.16.0.dist-info/top_level.txt", "six\n",
                "python/app/__init__.py", "",
                "python/app/__pycache__/x.cpython-312.pyc", "xx",
                "requests/__init__.py", ""));
    }

    @Test
    void jsonHasTheDocumentedFields() throws Exception {
        assertThat(run("inspect", "--json", layer().toString(), "--runtime", "python3.12", "--arch", "arm64")).isZero();
        JsonNode r = new ObjectMapper().readTree(out.toString());
        assertThat(r.get("zippedBytes").asLong()).isEqualTo(Files.size(dir.resolve("layer.zip")));
        assertThat(r.get("unzippedBytes").asLong()).isEqualTo(600 + 39 + 4 + 2);
        assertThat(r.get("entries").isArray()).isTrue();
        assertThat(r.get("entries")).hasSize(6);
        assertThat(r.get("entries").get(0).has("zippedBytes")).isTrue();
        assertThat(r.get("layout").asText()).isEqualTo("PYTHON");
        assertThat(r.get("runtime").asText()).isEqualTo("python3.12");
        assertThat(r.get("architecture").asText()).isEqualTo("arm64");
        JsonNode six = r.get("packages").get(0);
        assertThat(six.get("name").asText()).isEqualTo("six");
        assertThat(six.get("version").asText()).isEqualTo("1.16.0");
        assertThat(six.get("bytes").asLong()).isEqualTo(600 + 39 + 4);
        assertThat(six.get("files").asInt()).isEqualTo(3);
        JsonNode finding = r.get("findings").get(0);
        assertThat(finding.get("code").asText()).isEqualTo("NOT_UNDER_PYTHON");
        assertThat(finding.get("severity").asText()).isEqualTo("WARNING");
        assertThat(finding.get("message").asText()).isNotBlank();
        assertThat(finding.get("path").asText()).isEqualTo("requests");
        JsonNode limit = r.get("limits").get(1);
        assertThat(limit.get("name").asText()).isEqualTo("unzipped-total");
        assertThat(limit.get("limitBytes").asLong()).isEqualTo(262_144_000L);
        assertThat(limit.get("usedBytes").asLong()).isEqualTo(645);
        assertThat(limit.get("ok").asBoolean()).isTrue();
        assertThat(r.get("sizeTree").get("children").get(0).get("name").asText()).isEqualTo("python");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aUrlIsReadWithRangeRequestsAndItsQueryStaysOutOfTheOutput() throws Exception {
        Path zip = layer();
        try (RangeServer server = new RangeServer()) {
            URI url = server.serve("layer.zip", zip);
            String signed = url + "?X-Amz-Signature=secret-signature";
            assertThat(run("inspect", "--json", signed)).isZero();
            JsonNode r = new ObjectMapper().readTree(out.toString());
            assertThat(r.get("zippedBytes").asLong()).isEqualTo(Files.size(zip));
            assertThat(r.get("packages").get(0).get("name").asText()).isEqualTo("six");
            assertThat(out.toString()).doesNotContain("secret-signature");
            assertThat(server.requests()).isPositive();
        }
    }

    @Test
    void otherLayersAndFunctionCodeCountAgainstTheLimit() throws Exception {
        Path other = zip("other.zip", Map.of("python/six.py", "x".repeat(1000)));
        assertThat(run("inspect", "--json", layer().toString(), "--with", other.toString(),
                "--function-code-bytes", "5000")).isZero();
        JsonNode r = new ObjectMapper().readTree(out.toString());
        assertThat(r.get("limits").get(1).get("usedBytes").asLong()).isEqualTo(645 + 1000 + 5000);
        assertThat(r.get("findings").findValuesAsText("code")).contains("PATH_CONFLICT");
    }

    @Test
    void theSummaryShowsLimitsPackagesAndFindings() throws Exception {
        assertThat(run("inspect", layer().toString(), "--runtime", "python3.12")).isZero();
        assertThat(out.toString()).contains("Limits", "direct-upload", "unzipped-total", "Packages", "six 1.16.0",
                "Largest files", "NOT_UNDER_PYTHON", "CACHE_FILES");
    }

    @Test
    void aDeprecatedRuntimeIsWorthANote() throws Exception {
        assertThat(run("inspect", layer().toString(), "--runtime", "python3.9")).isZero();
        assertThat(out.toString()).contains("python3.9 is deprecated (since 2025-12-15)");
        out.getBuffer().setLength(0);
        assertThat(run("inspect", "--json", layer().toString(), "--runtime", "python3.9")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("notes").toString())
                .contains("python3.9 is deprecated (since 2025-12-15)");
    }

    @ParameterizedTest
    @CsvSource({
        "notzip, is not a zip file.",
        "empty, is not a zip file.",
        "truncated, is truncated: the zip's end (its central directory) is missing.",
        "damaged, is damaged and cannot be read as a zip",
        "missing, does not exist."})
    void badInputIsOnePlainLine(String kind, String sentence) throws Exception {
        Path bad = dir.resolve(kind + ".zip");
        byte[] good = Files.readAllBytes(layer());
        switch (kind) {
            case "notzip" -> Files.writeString(bad, "hello, this is text\n".repeat(50));
            case "empty" -> Files.write(bad, new byte[0]);
            case "truncated" -> Files.write(bad, Arrays.copyOf(good, good.length / 2));
            case "damaged" -> Files.write(bad, corruptCentralDirectory(good));
            default -> { }
        }
        assertThat(run("inspect", bad.toString())).isEqualTo(1);
        String line = err.toString().strip();
        assertThat(line).startsWith("error: " + bad + " " + sentence).doesNotContain("\n", "Exception", "\tat ");
        assertThat(out.toString()).isEmpty();
    }

    /** Breaks the signature of the first central directory header. */
    private static byte[] corruptCentralDirectory(byte[] zip) {
        byte[] copy = zip.clone();
        for (int i = 0; i + 4 < copy.length; i++) {
            if (copy[i] == 'P' && copy[i + 1] == 'K' && copy[i + 2] == 1 && copy[i + 3] == 2) {
                copy[i + 2] = 9;
                break;
            }
        }
        return copy;
    }

    @Test
    void anUnknownRuntimeIsAPlainError() throws Exception {
        assertThat(run("inspect", layer().toString(), "--runtime", "python2.7")).isEqualTo(1);
        assertThat(err.toString()).startsWith("error: Unknown runtime 'python2.7'.");
    }

    @Test
    void diffShowsPackagesFilesAndSizes() throws Exception {
        Path a = zip("a.zip", Map.of("python/six.py", "old", "python/six-1.15.0.dist-info/RECORD", "six.py,,\n",
                "python/gone.py", "bye", "python/same.py", "same"));
        Path b = zip("b.zip", Map.of("python/six.py", "newer", "python/six-1.16.0.dist-info/RECORD", "six.py,,\n",
                "python/added.py", "hi", "python/same.py", "same"));
        assertThat(run("diff", a.toString(), b.toString())).isZero();
        assertThat(out.toString()).contains("~ six 1.15.0 → 1.16.0", "+ added", "- gone",
                "Files: 2 added, 2 removed, 1 changed", "+ python/added.py", "- python/gone.py", "~ python/six.py");

        out.getBuffer().setLength(0);
        assertThat(run("diff", "--json", a.toString(), b.toString())).isZero();
        JsonNode d = new ObjectMapper().readTree(out.toString());
        assertThat(d.get("unzippedDelta").asLong()).isEqualTo(d.get("newUnzippedBytes").asLong()
                - d.get("oldUnzippedBytes").asLong());
        assertThat(d.get("packages").findValuesAsText("change")).contains("ADDED", "REMOVED", "CHANGED");
        assertThat(d.get("files")).hasSize(5);
    }
}
