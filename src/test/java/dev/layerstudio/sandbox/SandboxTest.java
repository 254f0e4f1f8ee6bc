package dev.layerstudio.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.LayerContentLocator;
import dev.layerstudio.aws.SdkFunctionService;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.build.DefaultLayerBuilder;
import dev.layerstudio.inspect.InspectOptions;
import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.inspect.LayerSource;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LimitCheck;
import dev.layerstudio.model.PackageKind;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.LayerContentLocation;
import dev.layerstudio.model.LayerInfo;
import dev.layerstudio.model.ZipEntryInfo;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.PublishRequest;
import dev.layerstudio.testing.Zips;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's own sandbox: moto started, seeded in two regions, reset to the seed, stopped with nothing left. */
class SandboxTest {

    @TempDir
    static Path work;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Sandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(TestSandboxes.setup(work), ProgressListener.NONE);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void seedsLayersWithVersionsInBothRegions() {
        assertThat(versionsByLayer(SandboxSeed.PRIMARY_REGION)).isEqualTo(Map.of(
                "common-utils", List.of(3L, 2L, 1L), "http-client", List.of(2L, 1L), "model-weights", List.of(1L)));
        assertThat(versionsByLayer(SandboxSeed.SECOND_REGION)).isEqualTo(Map.of(
                "common-utils", List.of(2L, 1L), "http-client", List.of(1L)));
    }

    @Test
    void seedsADozenFunctionsUsingTheLayersInDifferentOrders() {
        Map<String, List<String>> east = stacks(SandboxSeed.PRIMARY_REGION);
        Map<String, List<String>> west = stacks(SandboxSeed.SECOND_REGION);
        assertThat(east.size() + west.size()).isEqualTo(12);
        assertThat(east.get("orders-api")).containsExactly("common-utils:3", "http-client:2");
        assertThat(east.get("payments-webhook")).containsExactly("http-client:2", "common-utils:3");
        assertThat(east.get("audit-log")).isEmpty();
        // one function still on an old version while a newer one exists
        assertThat(east.get("nightly-report")).containsExactly("common-utils:1");
        assertThat(west.get("orders-api")).containsExactly("common-utils:2", "http-client:1");
        assertThat(west.get("payments-webhook")).containsExactly("http-client:1", "common-utils:2");
        // every layer ARN a function names is of the function's own region
        for (FunctionInfo f : functions(SandboxSeed.SECOND_REGION)) {
            assertThat(f.layerArns()).allMatch(a -> LayerVersionRef.parse(a).region().equals(SandboxSeed.SECOND_REGION));
        }
    }

    @Test
    void sampleFunctionsCarryAnEnvTagSoAStagedRolloutCanGoDevFirst() {
        try (AwsSession s = sandbox.session(SandboxSeed.PRIMARY_REGION)) {
            SdkFunctionService functions = new SdkFunctionService(s);
            Map<String, Map<String, String>> tags = functions.tags(functions.listFunctions());
            assertThat(tags.get("nightly-report")).containsEntry("env", "dev");
            assertThat(tags.get("user-signup")).containsEntry("env", "dev");
            assertThat(tags.get("orders-api")).containsEntry("env", "prod");
            assertThat(tags.getOrDefault("audit-log", Map.of())).doesNotContainKey("env");
        }
    }

    @Test
    void theSeedIsRealContentThatInspectionUnderstands() throws Exception {
        SandboxSeed.Built built = new SandboxSeed(new DefaultLayerBuilder(), work)
                .build(Files.createDirectories(work.resolve("built")), ProgressListener.NONE, () -> { });
        Path utils3 = built.layer("common-utils", 3);
        InspectionReport report = new Inspector(work.resolve("cache")).inspect(new LayerSource.LocalZip(utils3),
                InspectOptions.defaults(), ProgressListener.NONE);
        assertThat(report.pkg("textkit")).hasValueSatisfying(p -> {
            assertThat(p.version()).isEqualTo("1.2.0");
            assertThat(p.kind()).isEqualTo(PackageKind.DISTRIBUTION);
            assertThat(p.files()).isEqualTo(4 + 5); // four modules, five dist-info files
        });
        assertThat(report.pkg("common_config")).hasValueSatisfying(p -> assertThat(p.kind())
                .isEqualTo(PackageKind.OWN_CODE));
        assertThat(report.hasErrors()).isFalse();

        try (AwsSession s = sandbox.session(SandboxSeed.PRIMARY_REGION)) {
            // what the sandbox holds is exactly these zips (the writer is deterministic)
            assertThat(new SdkLayerService(s).getVersion("common-utils", 3).codeSha256()).isEqualTo(sha(utils3));
            assertThat(new SdkLayerService(s).getVersion("model-weights", 1).codeSha256())
                    .isEqualTo(sha(built.layer("model-weights", 1)));
            assertThat(new SdkFunctionService(s).getFunction("image-classifier").layerArns())
                    .containsExactly(arn(s, "common-utils", 3), arn(s, "model-weights", 1));

            // and the published versions can be read back through the sandbox, as from AWS
            LayerContentLocation where = new LayerContentLocator().locate(s, arn(s, "common-utils", 3));
            assertThat(where.url().getAuthority()).isEqualTo(sandbox.endpoint().getAuthority());
            assertThat(where.codeSha256()).isEqualTo(sha(utils3));
            InspectionReport remote = new Inspector(work.resolve("cache")).inspect(new LayerSource.Remote(where.url(),
                    where.layerVersionArn(), where.codeSha256(), where.codeSize()), InspectOptions.defaults(),
                    ProgressListener.NONE);
            assertThat(remote.pkg("textkit")).hasValueSatisfying(p -> assertThat(p.version()).isEqualTo("1.2.0"));
            assertThat(remote.entries()).extracting(ZipEntryInfo::path)
                    .containsExactlyElementsOf(report.entries().stream().map(ZipEntryInfo::path).toList());
        }
    }

    @Test
    void oneFunctionIsCloseToTheUnzippedLimitWhileItsZipsAreSmall() throws Exception {
        SandboxSeed.Built built = new SandboxSeed(new DefaultLayerBuilder(), work)
                .build(Files.createDirectories(work.resolve("built-big")), ProgressListener.NONE, () -> { });
        Path code = built.function(SandboxSeed.PRIMARY_REGION, "image-classifier");
        Path weights = built.layer("model-weights", 1);
        InspectionReport report = new Inspector(work.resolve("cache")).inspect(new LayerSource.LocalZip(weights),
                InspectOptions.defaults().withOtherLayers(List.of(
                        new LayerSource.LocalZip(built.layer("common-utils", 3))))
                        .withFunctionCodeBytes(unzippedBytes(code)), ProgressListener.NONE);
        LimitCheck total = report.limit(LimitCheck.UNZIPPED_TOTAL).orElseThrow();
        assertThat(total.ok()).isTrue();
        assertThat((double) total.usedBytes() / total.limitBytes()).isBetween(0.9, 1.0);
        // zipped, what Lambda reports: a few hundred kilobytes for hundreds of megabytes of zeros
        assertThat(Files.size(code) + Files.size(weights)).isLessThan(1 << 20);
        try (AwsSession s = sandbox.session(SandboxSeed.PRIMARY_REGION)) {
            assertThat(new SdkFunctionService(s).getFunction("image-classifier").codeSize()).isEqualTo(Files.size(code));
        }
    }

    private static long unzippedBytes(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.stream().mapToLong(ZipEntry::getSize).sum();
        }
    }

    private static String sha(Path file) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void resetRestoresTheSeedAndDropsWhatWasMadeSince() throws Exception {
        Path extra = Files.write(work.resolve("extra.zip"), Zips.layer("extra", "X = 1\n"));
        try (AwsSession s = sandbox.session(SandboxSeed.PRIMARY_REGION)) {
            new SdkLayerService(s).publish(PublishRequest.of(extra, "common-utils"), ProgressListener.NONE);
            new SdkLayerService(s).publish(PublishRequest.of(extra, "my-own-layer"), ProgressListener.NONE);
            s.lambda().deleteFunction(b -> b.functionName("orders-api"));
        }
        assertThat(versionsByLayer(SandboxSeed.PRIMARY_REGION)).containsKey("my-own-layer");
        URI mine;
        try (AwsSession s = sandbox.session(SandboxSeed.PRIMARY_REGION)) {
            mine = new LayerContentLocator().locate(s, arn(s, "my-own-layer", 1)).url();
        }
        assertThat(HTTP.send(HttpRequest.newBuilder(mine).build(), HttpResponse.BodyHandlers.ofByteArray()).body())
                .isEqualTo(Files.readAllBytes(extra));

        long pid = sandbox.pid();
        SeedReport report = sandbox.reset(ProgressListener.NONE);

        // what was published since is gone from the sandbox's own store too
        assertThat(HTTP.send(HttpRequest.newBuilder(mine).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode()).isEqualTo(404);
        assertThat(sandbox.pid()).isEqualTo(pid);
        assertThat(versionsByLayer(SandboxSeed.PRIMARY_REGION)).isEqualTo(Map.of(
                "common-utils", List.of(3L, 2L, 1L), "http-client", List.of(2L, 1L), "model-weights", List.of(1L)));
        assertThat(stacks(SandboxSeed.PRIMARY_REGION).get("orders-api"))
                .containsExactly("common-utils:3", "http-client:2");
        assertThat(report.functions()).hasSize(12);
        assertThat(report.layerVersions()).hasSize(9);
    }

    @Test
    void closingStopsMotoAndLeavesNoProcess() throws Exception {
        Sandbox other = Sandbox.start(TestSandboxes.setup(work.resolve("other")), ProgressListener.NONE);
        long pid = other.pid();
        assertThat(ProcessHandle.of(pid)).isPresent();
        assertThat(other.endpoint()).isNotEqualTo(sandbox.endpoint());
        assertThat(published(work.resolve("other"))).hasSize(1);

        other.close();

        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(MotoProcess.answers(other.endpoint())).isFalse();
        assertThat(published(work.resolve("other"))).isEmpty(); // the zips the front kept went with it
    }

    private static List<Path> published(Path dir) throws IOException {
        try (var folders = Files.list(dir.resolve("work"))) {
            return folders.filter(f -> f.getFileName().toString().startsWith("published-")).toList();
        }
    }

    @Test
    void withoutPythonOrMotoItSaysSoPlainly() {
        MotoProcess.Tools nothing = new MotoProcess.Tools(List.of(work.resolve("empty-path")), false);
        Sandbox.Setup setup = new Sandbox.Setup(work.resolve("no-venvs"), work.resolve("none.log"),
                work.resolve("none"), nothing);
        assertThatThrownBy(() -> Sandbox.start(setup, ProgressListener.NONE))
                .isInstanceOf(LayerStudioException.class)
                .hasMessage("Python 3 was not found, so the local sandbox cannot be set up.");
        assertThat(work.resolve("no-venvs")).doesNotExist();
    }

    private static String arn(AwsSession s, String layer, long version) {
        return new SdkLayerService(s).getVersion(layer, version).arn();
    }

    private static Map<String, List<Long>> versionsByLayer(String region) {
        try (AwsSession s = sandbox.session(region)) {
            return new SdkLayerService(s).listLayers().stream().collect(Collectors.toMap(LayerInfo::name,
                    l -> l.versions().stream().map(LayerVersionInfo::version).toList(), (a, b) -> a, TreeMap::new));
        }
    }

    private static List<FunctionInfo> functions(String region) {
        try (AwsSession s = sandbox.session(region)) {
            return new SdkFunctionService(s).listFunctions();
        }
    }

    /** Each function's layers as "name:version", in merge order. */
    private static Map<String, List<String>> stacks(String region) {
        return functions(region).stream().collect(Collectors.toMap(FunctionInfo::name, f -> f.layerArns().stream()
                .map(LayerVersionRef::parse).map(r -> r.name() + ":" + r.version()).toList()));
    }
}
