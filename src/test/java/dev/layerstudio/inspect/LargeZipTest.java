package dev.layerstudio.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerstudio.model.EntryKind;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.testing.RangeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zip64: more than 65,535 entries; a zip far larger than the heap that reads it (sparse, so cheap). */
class LargeZipTest {

    @TempDir
    Path dir;

    private Inspector inspector() {
        return new Inspector(dir.resolve("cache"));
    }

    @Test
    void moreThan65535EntriesAreAllRead() throws Exception {
        Path zip = dir.resolve("many.zip");
        BigZips.manyEntries(zip, 70_000);
        InspectionReport r = inspector().inspect(new LayerSource.LocalZip(zip), InspectOptions.defaults(),
                ProgressListener.NONE);
        long[] python = new long[2];
        ZipReadingTest.pythonCrcs(zip, python);
        assertThat(r.entryCount()).isEqualTo(70_000).isEqualTo((int) python[0]);
        assertThat(r.unzippedBytes()).isEqualTo(700_000).isEqualTo(python[1]);
        assertThat(r.sizeTree().files()).isEqualTo(70_000);
        assertThat(r.packages()).hasSize(70);
    }

    /**
     * The CLI in a JVM with a 48 MB heap inspects a 1.25 GB zip (sparse, so it costs no disk),
     * and this JVM reads the same zip over HTTP fetching only its directory.
     */
    @Test
    void aZipFarLargerThanTheHeapIsInspectedInASmallJvmAndOverHttp() throws Exception {
        Path zip = dir.resolve("huge.zip");
        BigZips.sparse(zip, 2, 640L * 1024 * 1024);
        long size = Files.size(zip);
        long heap = 48L * 1024 * 1024;
        assertThat(size).isGreaterThan(25 * heap);

        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xmx" + heap, "-Dlayerstudio.home=" + dir.resolve("home"),
                "-cp", System.getProperty("java.class.path"), "dev.layerstudio.Main", "inspect", "--json",
                zip.toString()).redirectError(dir.resolve("stderr.txt").toFile()).start();
        String json = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
        JsonNode report = new ObjectMapper().readTree(json);
        long[] python = new long[2];
        ZipReadingTest.pythonCrcs(zip, python);
        assertThat(report.get("zippedBytes").asLong()).isEqualTo(size);
        assertThat(report.get("unzippedBytes").asLong()).isEqualTo(2 * 640L * 1024 * 1024 + 14).isEqualTo(python[1]);
        assertThat(report.get("entries")).hasSize((int) python[0]);

        try (RangeServer server = new RangeServer()) {
            var url = server.serve("huge.zip", zip);
            InspectionReport remote = inspector().inspect(new LayerSource.Remote(url,
                    "arn:aws:lambda:us-east-1:123456789012:layer:huge:1", null, size), InspectOptions.defaults(),
                    ProgressListener.NONE);
            assertThat(remote.unzippedBytes()).isEqualTo(python[1]);
            assertThat(remote.entries()).filteredOn(e -> e.kind() == EntryKind.FILE).hasSize(3);
            assertThat(server.bytesServed()).isLessThan(256 * 1024);
            assertThat(remote.fetchedBytes()).isEqualTo(server.bytesServed());
        }
    }
}
