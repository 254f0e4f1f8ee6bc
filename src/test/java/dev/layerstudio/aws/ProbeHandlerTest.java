package dev.layerstudio.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerstudio.model.ProbeModule;
import dev.layerstudio.model.ProbeReport;
import dev.layerstudio.testing.ProbeAnswers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped probe handler, run by a local python3 as its file says: on the small test layer
 * it gives what the recorded answer the moto tests use says (so the recording stays the
 * handler's own), imports only named modules when told, and goes into the function's code.
 */
class ProbeHandlerTest {

    @TempDir
    Path temp;

    private Path handler() throws Exception {
        Path file = temp.resolve(LambdaProbe.HANDLER_FILE);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(LambdaProbe.codeZip()))) {
            ZipEntry only = zip.getNextEntry();
            assertThat(only.getName()).isEqualTo(LambdaProbe.HANDLER_FILE);
            Files.write(file, zip.readAllBytes());
            assertThat(zip.getNextEntry()).isNull();
        }
        return file;
    }

    private String run(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("python3", handler().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(out.strip().lines()).as("one line of JSON").hasSize(1);
        return out.strip();
    }

    @Test
    void recordedAnswerIsWhatTheShippedHandlerSays() throws Exception {
        Path layer = temp.resolve("opt");
        copy(ProbeAnswers.layerDir(), layer);
        ProbeReport now = ProbeAnswer.parse(run(layer.toString()), "python3.12", "x86_64", "us-east-1", null);
        ProbeReport recorded = ProbeAnswer.parse(ProbeAnswers.answer(), "python3.12", "x86_64", "us-east-1", null);

        assertThat(now.modules()).extracting(ProbeModule::name, ProbeModule::ok, ProbeModule::error)
                .containsExactlyElementsOf(recorded.modules().stream()
                        .map(m -> org.assertj.core.groups.Tuple.tuple(m.name(), m.ok(), m.error())).toList());
        assertThat(now.optBytes()).isEqualTo(recorded.optBytes());
        assertThat(now.optFiles()).isEqualTo(recorded.optFiles()).as("imports write no byte-code into /opt");
        assertThat(now.modules()).allMatch(m -> m.seconds() != null && m.seconds() >= 0);
        assertThat(now.glibc()).matches("\\d+\\.\\d+");
        assertThat(now.machine()).isNotBlank();
    }

    @Test
    void namedModulesAloneAreImported() throws Exception {
        Path layer = temp.resolve("opt");
        copy(ProbeAnswers.layerDir(), layer);
        ProbeReport r = ProbeAnswer.parse(run(layer.toString(), "greeting", "not_there"), "python3.12", "x86_64",
                "us-east-1", null);

        assertThat(r.modules()).extracting(ProbeModule::name).containsExactly("greeting", "not_there");
        assertThat(r.modules().get(0).ok()).isTrue();
        assertThat(r.modules().get(1).error()).isEqualTo("ModuleNotFoundError: No module named 'not_there'");
    }

    @Test
    void aModuleThatKillsItsProcessDoesNotHideTheOthers() throws Exception {
        Path layer = temp.resolve("crash");
        Files.createDirectories(layer.resolve("python"));
        Files.writeString(layer.resolve("python/aaa_crash.py"), "import os\nos.abort()\n");
        Files.writeString(layer.resolve("python/zzz_fine.py"), "X = 1\n");
        ProbeReport r = ProbeAnswer.parse(run(layer.toString()), "python3.12", "x86_64", "us-east-1", null);

        assertThat(r.modules()).extracting(ProbeModule::name).containsExactly("aaa_crash", "zzz_fine");
        assertThat(r.modules().get(0).ok()).isFalse();
        assertThat(r.modules().get(0).error()).startsWith("The import ended the Python process (signal 6)");
        assertThat(r.modules().get(1).ok()).isTrue();
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.filter(p -> !p.toString().contains("__pycache__")).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
