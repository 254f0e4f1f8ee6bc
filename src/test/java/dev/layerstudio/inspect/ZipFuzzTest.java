package dev.layerstudio.inspect;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Hostile zips against the zip reader and the inspector: whatever the bytes, inspecting them
 * gives a report or a {@link LayerStudioException} with a sentence, nothing else (Jazzer fails
 * the test on any other exception, and on a hang or running out of memory).
 *
 * <p>{@code mvn verify} runs every input of the committed corpus
 * ({@code src/test/resources/dev/layerstudio/inspect/ZipFuzzTestInputs/}); {@code JAZZER_FUZZ=1
 * mvn test -Dtest=ZipFuzzTest} fuzzes, and the inputs it finds worth keeping are added there.
 */
class ZipFuzzTest {

    private static Path work;
    private static Inspector inspector;

    @BeforeAll
    static void start() throws IOException {
        work = Files.createTempDirectory("layer-studio-fuzz-");
        inspector = new Inspector(work.resolve("cache"));
    }

    @AfterAll
    static void stop() throws IOException {
        try (var files = Files.walk(work)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @FuzzTest(maxDuration = "5m")
    void inspectingAnyBytesGivesAReportOrOneSentence(byte[] bytes) throws IOException {
        Path zip = Files.createTempFile(work, "input-", ".zip");
        try {
            Files.write(zip, bytes);
            InspectionReport report = inspector.inspect(new LayerSource.LocalZip(zip), InspectOptions.defaults(),
                    ProgressListener.NONE);
            if (report.entryCount() < 0 || report.unzippedBytes() < 0) {
                throw new IllegalStateException("Negative counts in " + report);
            }
        } catch (LayerStudioException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                throw new IllegalStateException("A failure without a sentence", expected);
            }
        } finally {
            Files.deleteIfExists(zip);
        }
    }
}
