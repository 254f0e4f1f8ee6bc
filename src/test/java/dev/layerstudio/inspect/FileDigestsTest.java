package dev.layerstudio.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDigestsTest {

    @TempDir
    Path tmp;

    private Path file(String content, Instant modified) throws IOException {
        Path f = tmp.resolve("layer.zip");
        Files.writeString(f, content);
        Files.setLastModifiedTime(f, FileTime.from(modified));
        return f;
    }

    /** Replaces the remembered digest with {@code marker}, so a test sees whether the record was used. */
    private void tamperRecord(String marker) throws IOException {
        try (Stream<Path> records = Files.list(tmp.resolve("digests"))) {
            Path record = records.filter(p -> p.toString().endsWith(".txt")).findFirst().orElseThrow();
            List<String> lines = Files.readAllLines(record, StandardCharsets.UTF_8);
            Files.write(record, List.of(lines.get(0), lines.get(1), marker, lines.get(3)), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anUnchangedFileIsNotHashedAgain() throws IOException {
        FileDigests digests = new FileDigests(tmp.resolve("digests"));
        Path f = file("first content", Instant.now().minusSeconds(60));
        assertThat(digests.sha256(f)).isEqualTo(FileDigests.hash(f));

        tamperRecord("remembered");
        assertThat(new FileDigests(tmp.resolve("digests")).sha256(f)).isEqualTo("remembered");
    }

    @Test
    void aChangedFileIsHashedAgainEvenAtTheSameSize() throws IOException {
        FileDigests digests = new FileDigests(tmp.resolve("digests"));
        Path f = file("first content", Instant.now().minusSeconds(60));
        String first = digests.sha256(f);

        file("other content", Instant.now().minusSeconds(30));
        String second = digests.sha256(f);
        assertThat(second).isNotEqualTo(first).isEqualTo(FileDigests.hash(f));
    }

    @Test
    void aFileWrittenJustBeforeHashingIsNotTrustedToItsTimeStamp() throws IOException {
        FileDigests digests = new FileDigests(tmp.resolve("digests"));
        Path f = file("fresh content", Instant.now());
        digests.sha256(f);

        tamperRecord("stale");
        assertThat(digests.sha256(f)).isEqualTo(FileDigests.hash(f));
    }

    @Test
    void aDamagedRecordIsIgnored() throws IOException {
        FileDigests digests = new FileDigests(tmp.resolve("digests"));
        Path f = file("some content", Instant.now().minusSeconds(60));
        digests.sha256(f);
        try (Stream<Path> records = Files.list(tmp.resolve("digests"))) {
            Files.writeString(records.findFirst().orElseThrow(), "not a record");
        }
        assertThat(digests.sha256(f)).isEqualTo(FileDigests.hash(f));
    }
}
