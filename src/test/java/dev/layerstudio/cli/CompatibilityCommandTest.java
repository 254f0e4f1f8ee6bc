package dev.layerstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.testing.CliAgainstMoto;
import dev.layerstudio.testing.MotoExtension;
import dev.layerstudio.testing.MotoFixtures;
import dev.layerstudio.testing.MotoFront;
import dev.layerstudio.testing.MotoServer;
import dev.layerstudio.testing.Wheels;
import dev.layerstudio.testing.Zips;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.Layer;

/**
 * The compatibility verdict on the command line, against moto with layer content that can be
 * read (a front gives GetLayerVersion a location in moto's S3): an arm64-native build never
 * reaches an x86_64 function unless the user names it; a pure-Python version declared for
 * another runtime is a warning confirmed once; a staged rollout skips what it cannot run on.
 */
@ExtendWith(MotoExtension.class)
class CompatibilityCommandTest {

    private static final String BUCKET = "compat-layers";

    private static MotoFront front;
    private static CliAgainstMoto cli;
    private static AwsSession session;
    private static MotoFixtures fixtures;

    @TempDir
    static Path home;

    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void connect(MotoServer server) {
        front = new MotoFront(server);
        session = server.session();
        fixtures = new MotoFixtures(server, session.lambda());
        session.s3().createBucket(b -> b.bucket(BUCKET));
        cli = CliAgainstMoto.open(front, home);
    }

    @AfterAll
    static void close() {
        cli.close();
        session.close();
        front.close();
    }

    private int run(String... args) {
        int code = cli.run(args);
        out = cli.out();
        err = cli.err();
        return code;
    }

    private JsonNode json(String... args) throws IOException {
        JsonNode document = cli.json(args);
        out = cli.out();
        err = cli.err();
        return document;
    }

    /** A zip of text and binary files. */
    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
            }
        }
        return bytes.toByteArray();
    }

    /** A numpy-like layer whose extension module is a real AArch64 ELF for CPython 3.12. */
    private static byte[] arm64Build(String marker) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("python/fakenp/__init__.py", ("V = '" + marker + "'\n").getBytes(StandardCharsets.UTF_8));
        files.put("python/fakenp/_core.cpython-312-aarch64-linux-gnu.so", Wheels.elf(0xb7));
        files.put("python/fakenp.libs/libopenblas64_p-r0.so", Wheels.elf(0xb7));
        return zip(files);
    }

    private static byte[] pure(String marker) throws IOException {
        return zip(Map.of("python/purelib.py", ("V = '" + marker + "'\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** Publishes from S3 and makes its content readable through the front, as AWS serves it. */
    private static String publish(String name, byte[] zip, List<String> runtimes, List<String> archs)
            throws IOException, InterruptedException {
        String key = name + "-" + System.nanoTime() + ".zip";
        session.s3().putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(zip));
        var published = session.lambda().publishLayerVersion(b -> b.layerName(name)
                .content(c -> c.s3Bucket(BUCKET).s3Key(key)).compatibleRuntimesWithStrings(runtimes)
                .compatibleArchitecturesWithStrings(archs));
        front.layerLocation(name, published.version(), "s3://" + BUCKET + "/" + key);
        return published.layerVersionArn();
    }

    private static void function(String name, String runtime, Architecture arch, List<String> layers,
                                 Map<String, String> tags) {
        session.lambda().createFunction(b -> b.functionName(name).runtime(runtime).role(fixtures.roleArn())
                .handler("lambda_function.handler").architectures(arch)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(Zips.handler()))).layers(layers).tags(tags));
    }

    private static List<String> layersOf(String function) {
        return session.lambda().getFunctionConfiguration(b -> b.functionName(function)).layers().stream()
                .map(Layer::arn).toList();
    }

    @Test
    void anArm64NativeVersionIsBlockedOnAnX86FunctionUntilTheUserNamesIt() throws Exception {
        String v1 = publish("np-lib", pure("1"), List.of("python3.12"), List.of("x86_64", "arm64"));
        // declared for both architectures, as a careless publish would: only the content tells
        String v2 = publish("np-lib", arm64Build("2"), List.of("python3.12"), List.of("x86_64", "arm64"));
        function("np-x86", "python3.12", Architecture.X86_64, List.of(v1), Map.of());
        function("np-arm", "python3.12", Architecture.ARM64, List.of(v1), Map.of());

        assertThat(run("attach", "--layer", v2, "--function", "np-x86")).isEqualTo(FailureHandler.FAILED);
        assertThat(out.toString()).contains("np-x86", "blocked", "incompatible:",
                "np-lib:2 holds 2 native files for aarch64", "runs on x86_64",
                "--allow-incompatible np-x86");
        assertThat(layersOf("np-x86")).containsExactly(v1);

        JsonNode arm = json("attach", "--layer", v2, "--function", "np-arm");
        assertThat(arm.at("/plan/functions/0/verdict").asText()).isEqualTo("ok");
        assertThat(arm.at("/results/0/outcome").asText()).isEqualTo("updated");
        assertThat(layersOf("np-arm")).containsExactly(v2);

        JsonNode anyway = json("attach", "--layer", v2, "--function", "np-x86", "--allow-incompatible", "np-x86");
        assertThat(anyway.at("/plan/functions/0/flags/0/overridden").asBoolean()).isTrue();
        assertThat(anyway.at("/results/0/outcome").asText()).isEqualTo("updated");
        assertThat(layersOf("np-x86")).containsExactly(v2);
    }

    @Test
    void aPureVersionDeclaredForAnotherRuntimeIsAWarningConfirmedOnce() throws Exception {
        String v1 = publish("pure-lib", pure("1"), List.of("python3.12"), List.of("x86_64", "arm64"));
        function("pure-313", "python3.13", Architecture.X86_64, List.of(), Map.of());

        assertThat(run("attach", "--layer", v1, "--function", "pure-313")).isEqualTo(FailureHandler.FAILED);
        assertThat(out.toString()).contains("warning: pure-lib:1 is declared for python3.12, not for pure-313's"
                + " python3.13; its content is pure Python", "Nothing was changed", "--yes");
        assertThat(layersOf("pure-313")).isEmpty();

        assertThat(run("attach", "--layer", v1, "--function", "pure-313", "--yes")).as(err.toString()).isZero();
        assertThat(layersOf("pure-313")).containsExactly(v1);
    }

    @Test
    void aWaveSkipsTheFunctionsTheNewVersionCannotRunOnAndSaysWhy() throws Exception {
        String v1 = publish("wave-lib", pure("1"), List.of("python3.12"), List.of("x86_64", "arm64"));
        String v2 = publish("wave-lib", arm64Build("2"), List.of("python3.12"), List.of("arm64"));
        function("wave-x86", "python3.12", Architecture.X86_64, List.of(v1), Map.of("env", "dev"));
        function("wave-arm", "python3.12", Architecture.ARM64, List.of(v1), Map.of("env", "dev"));

        assertThat(run("upgrade", "--layer", "wave-lib", "--to", "2", "--wave", "env=dev")).as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("skipped, the new version cannot run on them: wave-x86",
                "wave-lib:2 is declared for arm64 only; wave-x86 runs on x86_64", "1 updated");
        assertThat(layersOf("wave-arm")).containsExactly(v2);
        assertThat(layersOf("wave-x86")).containsExactly(v1);
    }

    @Test
    void anUpgradeOfEveryUserReportsTheBlockedOnesAndChangesTheOthers() throws Exception {
        String v1 = publish("up-lib", pure("1"), List.of("python3.12"), List.of("x86_64", "arm64"));
        String v2 = publish("up-lib", arm64Build("2"), List.of("python3.12"), List.of("x86_64", "arm64"));
        function("up-x86", "python3.12", Architecture.X86_64, List.of(v1), Map.of());
        function("up-arm", "python3.12", Architecture.ARM64, List.of(v1), Map.of());
        function("up-313", "python3.13", Architecture.ARM64, List.of(v1), Map.of());

        assertThat(run("upgrade", "--layer", "up-lib", "--to", "2")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("1 updated", "2 left alone as incompatible",
                "built for CPython 3.12", "up-313 runs python3.13");
        assertThat(layersOf("up-arm")).containsExactly(v2);
        assertThat(layersOf("up-x86")).containsExactly(v1);
        assertThat(layersOf("up-313")).containsExactly(v1);
    }

    @Test
    void publishRefusesADeclarationTheContentCannotRunOn() throws Exception {
        Path zip = home.resolve("arm-build.zip");
        java.nio.file.Files.write(zip, arm64Build("p"));

        assertThat(run("publish", zip.toString(), "--layer-name", "decl-lib", "--runtimes", "python3.12,python3.13",
                "--archs", "x86_64,arm64")).isEqualTo(FailureHandler.FAILED);
        assertThat(err.toString()).contains("cannot run on everything it would be declared for",
                "x86_64: the layer's native code is for aarch64", "python3.13: the extension modules are built for"
                        + " CPython 3.12", "--runtimes python3.12 --archs arm64");
        assertThat(session.lambda().listLayerVersions(b -> b.layerName("decl-lib")).layerVersions()).isEmpty();

        assertThat(run("publish", zip.toString(), "--layer-name", "decl-lib", "--runtimes", "python3.12",
                "--archs", "arm64")).as(err.toString()).isZero();
        assertThat(session.lambda().listLayerVersions(b -> b.layerName("decl-lib")).layerVersions())
                .singleElement().satisfies(v -> assertThat(v.compatibleArchitecturesAsStrings())
                        .containsExactly("arm64"));
    }
}
