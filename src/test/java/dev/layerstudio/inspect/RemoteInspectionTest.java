package dev.layerstudio.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerstudio.model.FindingCode;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.Runtime;
import dev.layerstudio.model.SourceKind;
import dev.layerstudio.testing.RangeServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A published version read over HTTP with Range requests, against a server that counts what it serves. */
class RemoteInspectionTest {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:layer:numpy:3";

    @TempDir
    static Path dir;
    static Path zip;
    static String sha256;
    static RangeServer server;
    static InspectionReport local;

    @TempDir
    Path cache;

    @BeforeAll
    static void serveALargeLayer() throws Exception {
        zip = dir.resolve("numpy.zip");
        BigZips.realistic(zip, 2000, 40L * 1024 * 1024);
        sha256 = FileDigests.hash(zip);
        server = new RangeServer();
        local = new Inspector(dir.resolve("local-cache")).inspect(new LayerSource.LocalZip(zip), options(),
                ProgressListener.NONE);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void serveNormally() {
        server.reset();
        server.honourRange(true);
        server.refuseWith(0);
        server.refuseWholeWith(0);
    }

    private static InspectOptions options() {
        return InspectOptions.defaults().withRuntime(Runtime.parse("python3.12"));
    }

    private InspectionReport inspectRemote(URI url) {
        return new Inspector(cache).inspect(new LayerSource.Remote(url, ARN, sha256, 0), options(),
                ProgressListener.NONE);
    }

    @Test
    void readsOnlyASmallFractionAndReportsLikeTheLocalZip() throws Exception {
        InspectionReport remote = inspectRemote(server.serve("layer.zip", zip));
        long size = Files.size(zip);
        assertThat(server.bytesServed()).as("bytes served of %d", size).isLessThan(size / 50);
        assertThat(remote.fetchedBytes()).isEqualTo(server.bytesServed());
        assertThat(remote.sourceKind()).isEqualTo(SourceKind.PUBLISHED_VERSION);
        assertThat(remote.source()).isEqualTo(ARN);
        assertThat(remote.entries()).isEqualTo(local.entries());
        assertThat(remote.packages()).isEqualTo(local.packages());
        assertThat(remote.findings()).isEqualTo(local.findings());
        assertThat(remote.pkg("numpy").orElseThrow().files()).isEqualTo(2005); // with numpy.libs
        assertThat(remote.findings(FindingCode.FOREIGN_ARCH_BINARY)).singleElement()
                .satisfies(f -> assertThat(f.path()).isEqualTo("python/numpy.libs/libopenblas64_p-r0.so"));
    }

    /** Latency that dwarfs the client's own work, so the server can tell requests sent at once from ones in a row. */
    private static final long LATENCY_MS = 300;

    @Test
    void aNodeLayerReadRemotelyHasItsVersionsAndItsNativeFilesJudged() throws Exception {
        Path node = dir.resolve("node.zip");
        try (ZipMaker z = ZipMaker.create(node)) {
            z.file("nodejs/node_modules/sharp/package.json", "{\"name\":\"sharp\",\"version\":\"0.34.4\"}")
                    .file("nodejs/node_modules/sharp/lib/index.js", "x".repeat(5000))
                    .file("nodejs/node_modules/@img/sharp-linux-x64/package.json", "{\"version\":\"0.34.4\"}")
                    .file("nodejs/node_modules/@img/sharp-linux-x64/lib/sharp-linux-x64.node", ZipMaker.elf(0x3E));
        }
        InspectOptions arm = InspectOptions.defaults().withRuntime(Runtime.parse("nodejs22.x"))
                .withArchitecture(dev.layerstudio.model.Architecture.ARM64);
        InspectionReport here = new Inspector(dir.resolve("node-local")).inspect(new LayerSource.LocalZip(node), arm,
                ProgressListener.NONE);
        InspectionReport remote = new Inspector(cache).inspect(new LayerSource.Remote(server.serve("node.zip", node),
                ARN, FileDigests.hash(node), 0), arm, ProgressListener.NONE);
        assertThat(remote.packages()).isEqualTo(here.packages());
        assertThat(remote.findings()).isEqualTo(here.findings());
        assertThat(remote.pkg("sharp").orElseThrow().version()).isEqualTo("0.34.4");
        assertThat(remote.findings(FindingCode.FOREIGN_ARCH_BINARY)).singleElement()
                .satisfies(f -> assertThat(f.path()).endsWith("sharp-linux-x64.node"));
    }

    @Test
    void readsTheTailThenTheDirectoryThenEveryEntryAtOnce() {
        server.delay(LATENCY_MS);
        InspectionReport remote = inspectRemote(server.serve("layer.zip", zip));
        assertThat(server.roundTrips()).as("sequential round trips of %d requests", server.requests()).isEqualTo(3);
        assertThat(remote.packages()).isEqualTo(local.packages());
        assertThat(remote.findings()).isEqualTo(local.findings());
    }

    @Test
    void aFunctionsOtherLayersAreReadAtTheSameTime() throws Exception {
        Path other = dir.resolve("other.zip");
        BigZips.realistic(other, 500, 8L * 1024 * 1024);
        server.delay(LATENCY_MS);
        URI first = server.serve("first.zip", other);
        URI second = server.serve("second.zip", other);
        InspectionReport remote = new Inspector(cache).inspect(new LayerSource.Remote(server.serve("layer.zip", zip),
                ARN, sha256, 0), options().withOtherLayers(List.of(
                        new LayerSource.Remote(first, ARN + "-a", null, 0),
                        new LayerSource.Remote(second, ARN + "-b", null, 0))), ProgressListener.NONE);
        assertThat(server.roundTrips()).as("three layers of three round trips each, read side by side").isEqualTo(3);
        assertThat(remote.findings(FindingCode.FOREIGN_ARCH_BINARY)).isNotEmpty();
        assertThat(remote.packages()).isEqualTo(local.packages());
    }

    @Test
    void aBodyBrokenOffIsAskedAgainForTheMissingBytesOnly() {
        URI url = server.serve("layer.zip", zip);
        inspectRemote(url);
        long whole = server.bytesServed();
        int requests = server.requests();
        server.reset();
        server.breakBodies(3, 5000); // the tail, then twice what is still missing of it
        InspectionReport remote = new Inspector(cache.resolve("again")).inspect(new LayerSource.Remote(url, ARN,
                sha256, 0), options(), ProgressListener.NONE);
        assertThat(remote.entries()).isEqualTo(local.entries());
        assertThat(remote.packages()).isEqualTo(local.packages());
        assertThat(server.requests()).isEqualTo(requests + 3);
        assertThat(server.bytesServed()).as("no byte sent twice").isEqualTo(whole);
    }

    @Test
    void aBodyThatKeepsBreakingIsOnePlainSentence() {
        server.breakBodies(RangeRequests.ATTEMPTS + 1, 5000);
        assertThatThrownBy(() -> inspectRemote(server.serve("layer.zip", zip)))
                .isInstanceOf(LayerStudioException.class)
                .hasMessageStartingWith("Could not read " + ARN + ": The server sent ");
    }

    @Test
    void aLayerReplacedWhileReadIsReadAgainFromTheStart() throws Exception {
        Path newer = dir.resolve("newer.zip");
        BigZips.realistic(newer, 300, 4L * 1024 * 1024);
        InspectionReport expected = new Inspector(dir.resolve("newer-cache")).inspect(new LayerSource.LocalZip(newer),
                options(), ProgressListener.NONE);
        URI url = server.serve("replaced.zip", zip);
        server.replaceAfter(1, "replaced.zip", newer); // after the tail: the directory is asked of another file
        InspectionReport remote = new Inspector(cache).inspect(new LayerSource.Remote(url, ARN, null, 0), options(),
                ProgressListener.NONE);
        assertThat(remote.entries()).isEqualTo(expected.entries());
        assertThat(remote.packages()).isEqualTo(expected.packages());
    }

    @Test
    void theSecondLookComesFromTheCache() {
        URI url = server.serve("layer.zip", zip);
        inspectRemote(url);
        int requests = server.requests();
        assertThat(requests).isPositive();
        InspectionReport again = inspectRemote(url);
        assertThat(server.requests()).isEqualTo(requests);
        assertThat(again.fetchedBytes()).isZero();
        assertThat(again.entries()).isEqualTo(local.entries());
    }

    @Test
    void aServerThatIgnoresRangeIsReadFromOneDownload() throws Exception {
        server.honourRange(false);
        InspectionReport remote = inspectRemote(server.serve("layer.zip", zip));
        assertThat(remote.entries()).isEqualTo(local.entries());
        assertThat(server.requests()).isEqualTo(1);
        assertThat(server.bytesServed()).isEqualTo(Files.size(zip));
        try (Stream<Path> left = Files.list(cache.resolve("tmp"))) {
            assertThat(left).as("temporary download removed").isEmpty();
        }
    }

    @Test
    void aServerThatStopsHonouringRangeMidwayIsReadFromOneDownload() throws Exception {
        URI url = server.serve("layer.zip", zip);
        inspectRemote(url);
        int wave = server.requests() - 2; // the reads after the tail and the directory
        assertThat(wave).isGreaterThan(1);
        server.reset();
        server.honourRangeFor(2); // the whole file for every one of the parallel reads
        InspectionReport remote = new Inspector(cache.resolve("again")).inspect(new LayerSource.Remote(url, ARN,
                sha256, 0), options(), ProgressListener.NONE);
        assertThat(remote.entries()).isEqualTo(local.entries());
        assertThat(remote.packages()).isEqualTo(local.packages());
        assertThat(server.requests()).isEqualTo(2 + wave);
        try (Stream<Path> left = Files.list(cache.resolve("again").resolve("tmp"))) {
            assertThat(left).as("temporary download removed").isEmpty();
        }
    }

    @Test
    void anExpiredLinkSaysSoAndThatANewOneHelps() {
        server.refuseWith(403);
        assertFailure(server.serve("layer.zip", zip),
                "The download link was refused or has expired (HTTP 403).",
                "Try again; a download link is valid for a few minutes only.");
    }

    @Test
    void aMissingFileIsNotBlamedOnAnExpiredLink() {
        server.refuseWith(404);
        assertFailure(server.serve("layer.zip", zip), "The server has no file at this address (HTTP 404).",
                "Check the address; the layer version may have been deleted.");
    }

    @Test
    void aBusyServerIsWorthAnotherTryInAMoment() {
        server.refuseWith(503);
        assertFailure(server.serve("layer.zip", zip), "The server could not answer just now (HTTP 503).",
                "Try again in a moment.");
    }

    @Test
    void aRefusedConnectionNamesTheHostAndAsksForACheckNotANewLink() {
        assertFailure(URI.create("http://127.0.0.1:1/layer.zip"), "Could not connect to 127.0.0.1:1.",
                RemoteReadException.CHECK_NETWORK);
    }

    @Test
    void aHostThatDoesNotExistIsSaidSo() {
        // .invalid is reserved never to resolve (RFC 2606)
        assertFailure(URI.create("https://layers.example.invalid/layer.zip"),
                "The host layers.example.invalid could not be found.", RemoteReadException.CHECK_NETWORK);
    }

    @Test
    void aFailedDownloadOfTheWholeZipIsExplainedAlike(@TempDir Path code) {
        server.refuseWholeWith(403); // the scan's ranged reads succeed, the whole download is refused
        assertThatThrownBy(() -> new Inspector(cache).startFrom(new LayerSource.Remote(server.serve("layer.zip", zip),
                ARN, sha256, 0), code, ProgressListener.NONE))
                .isInstanceOfSatisfying(LayerStudioException.class, e -> {
                    assertThat(e).hasMessage("Could not read " + ARN
                            + ": The download link was refused or has expired (HTTP 403).");
                    assertThat(e.hint()).isEqualTo("Try again; a download link is valid for a few minutes only.");
                });
        assertThat(code).isEmptyDirectory();
    }

    private void assertFailure(URI url, String why, String hint) {
        assertThatThrownBy(() -> inspectRemote(url)).isInstanceOfSatisfying(LayerStudioException.class, e -> {
            assertThat(e).hasMessage("Could not read " + ARN + ": " + why);
            assertThat(e.hint()).isEqualTo(hint);
        });
    }

    @Test
    void contentThatIsNotAZipIsSaidSo() throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello, not a zip\n".repeat(100));
        assertThatThrownBy(() -> new Inspector(cache).inspect(new LayerSource.Remote(server.serve("t", text), ARN,
                null, 0), options(), ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class).hasMessage(ARN + " is not a zip file.");
    }
}
