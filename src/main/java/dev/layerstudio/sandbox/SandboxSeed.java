package dev.layerstudio.sandbox;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.ExecutionRoles;
import dev.layerstudio.aws.FunctionCreator;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.build.LayerBuilder;
import dev.layerstudio.model.AddedPath;
import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.PublishRequest;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.model.Runtime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the sandbox holds after a start or a reset, and how it gets there: three layers
 * with a few versions each, built from small real packages with this app's own builder,
 * and a dozen functions in two regions that use them in different orders — one still on
 * an old version, one close to Lambda's 250 MB limit for code and layers unzipped.
 *
 * <p>The large one is honest about its size: its layer and code hold a few big data
 * files of zeros (sparse on disk where the file system allows), which take hundreds
 * of megabytes unzipped and a few hundred kilobytes zipped, exactly as such files
 * would on AWS.
 */
public final class SandboxSeed {

    public static final String PRIMARY_REGION = "us-east-1";
    public static final String SECOND_REGION = "eu-west-1";
    public static final List<String> REGIONS = List.of(PRIMARY_REGION, SECOND_REGION);
    /** The execution role every sample function runs as. */
    public static final String ROLE_NAME = "layer-studio-sandbox";

    static final long MIB = 1L << 20;
    /** Data files of the big layer and the big function: 3 × 56 MiB + 72 MiB = 240 MiB, 96% of the limit. */
    static final long WEIGHTS_PART_BYTES = 56 * MIB;
    static final int WEIGHTS_PARTS = 3;
    static final long LOOKUP_TABLE_BYTES = 72 * MIB;

    private static final Logger LOG = LoggerFactory.getLogger(SandboxSeed.class);
    private static final List<String> PYTHON_RUNTIMES = Runtime.ids();
    private static final List<String> BOTH_ARCHITECTURES = Arrays.stream(Architecture.values()).map(Architecture::id)
            .toList();

    /** One layer version to publish: its layer, what goes in, and the regions that get it. */
    private record LayerVersionPlan(String layer, String description, List<SamplePackage> packages,
                                    Map<String, String> ownFiles, boolean weights, List<String> regions) {
    }

    /** One function: where, what it runs on, and its layers ("name:version") in merge order. */
    private record FunctionPlan(String region, String name, String runtime, String architecture,
                                List<String> layers, boolean bigCode, String description) {
    }

    /** Published in this order, so each layer's versions are numbered 1, 2, 3 in every region. */
    private static final List<LayerVersionPlan> LAYERS = List.of(
            new LayerVersionPlan("common-utils", "textkit 1.0.0", List.of(SamplePackage.textkit("1.0.0")), Map.of(),
                    false, REGIONS),
            new LayerVersionPlan("common-utils", "textkit 1.1.0", List.of(SamplePackage.textkit("1.1.0")), Map.of(),
                    false, REGIONS),
            new LayerVersionPlan("common-utils", "textkit 1.2.0 and shared settings",
                    List.of(SamplePackage.textkit("1.2.0")),
                    Map.of("common_config.py", "STAGE = \"sandbox\"\nLOG_LEVEL = \"INFO\"\n"), false,
                    List.of(PRIMARY_REGION)),
            new LayerVersionPlan("http-client", "tinyhttp 0.9.0", List.of(SamplePackage.tinyhttp("0.9.0")), Map.of(),
                    false, REGIONS),
            new LayerVersionPlan("http-client", "tinyhttp 1.0.0", List.of(SamplePackage.tinyhttp("1.0.0")), Map.of(),
                    false, List.of(PRIMARY_REGION)),
            new LayerVersionPlan("model-weights", "Large, highly compressible sample data", List.of(),
                    Map.of("demo_weights/__init__.py", "\"\"\"Sample model weights (zeros).\"\"\"\nPARTS = 3\n"),
                    true, List.of(PRIMARY_REGION)));

    private static final List<FunctionPlan> FUNCTIONS = List.of(
            fn(PRIMARY_REGION, "orders-api", "python3.12", "x86_64", "common-utils:3", "http-client:2"),
            fn(PRIMARY_REGION, "payments-webhook", "python3.12", "x86_64", "http-client:2", "common-utils:3"),
            fn(PRIMARY_REGION, "nightly-report", "python3.11", "x86_64", "common-utils:1"),
            new FunctionPlan(PRIMARY_REGION, "image-classifier", "python3.12", "x86_64",
                    List.of("common-utils:3", "model-weights:1"), true,
                    "Code and layers come to 96% of the 250 MB unzipped limit"),
            fn(PRIMARY_REGION, "email-sender", "python3.12", "arm64", "http-client:1"),
            fn(PRIMARY_REGION, "inventory-sync", "python3.13", "arm64", "common-utils:2", "http-client:2"),
            fn(PRIMARY_REGION, "user-signup", "python3.12", "x86_64", "common-utils:3"),
            fn(PRIMARY_REGION, "audit-log", "python3.12", "x86_64"),
            fn(SECOND_REGION, "orders-api", "python3.12", "x86_64", "common-utils:2", "http-client:1"),
            fn(SECOND_REGION, "payments-webhook", "python3.12", "x86_64", "http-client:1", "common-utils:2"),
            fn(SECOND_REGION, "gdpr-export", "python3.11", "x86_64", "common-utils:1"),
            fn(SECOND_REGION, "newsletter", "python3.12", "arm64"));

    /** An env tag on most sample functions, so a staged rollout can go env=dev first (audit-log has none). */
    static final Map<String, String> ENVIRONMENTS = Map.of(
            "nightly-report", "dev", "user-signup", "dev", "gdpr-export", "dev",
            "inventory-sync", "staging", "newsletter", "staging",
            "orders-api", "prod", "payments-webhook", "prod", "image-classifier", "prod", "email-sender", "prod");

    private final LayerBuilder builder;
    private final Path workRoot;

    /**
     * @param builder  zips the sample content
     * @param workRoot where the sample files and zips are made (removed again after each seeding)
     */
    public SandboxSeed(LayerBuilder builder, Path workRoot) {
        this.builder = builder;
        this.workRoot = workRoot;
    }

    private static FunctionPlan fn(String region, String name, String runtime, String arch, String... layers) {
        return new FunctionPlan(region, name, runtime, arch, List.of(layers), false, "");
    }

    /** Puts the seed into an empty stand-in at {@code endpoint}. */
    public SeedReport plant(URI endpoint, ProgressListener progress) throws IOException {
        Files.createDirectories(workRoot);
        Path work = Files.createTempDirectory(workRoot, "seed-");
        try {
            long publishes = LAYERS.stream().mapToLong(l -> l.regions().size()).sum();
            long steps = LAYERS.size() + 2L * FUNCTIONS.size() + publishes;
            int[] done = {0};
            Runnable step = () -> progress.progress(++done[0], steps);
            Built built = build(work, progress, step);
            List<LayerVersionInfo> versions = new ArrayList<>();
            List<FunctionInfo> functions = new ArrayList<>();
            for (String region : REGIONS) {
                try (AwsSession session = AwsSession.local(region, endpoint, Sandbox.LABEL)) {
                    Map<String, String> arns = publish(session, built, versions, progress, step);
                    String role = ExecutionRoles.ensure(session, ROLE_NAME);
                    FunctionCreator creator = new FunctionCreator(session);
                    for (FunctionPlan f : FUNCTIONS) {
                        if (f.region().equals(region)) {
                            checkInterrupted();
                            progress.message("Creating function " + f.name() + " in " + region);
                            functions.add(creator.create(function(f, built.function(f.region(), f.name()), arns),
                                    role));
                            step.run();
                        }
                    }
                }
            }
            LOG.info("Sandbox at {} seeded: {} layer versions, {} functions", endpoint, versions.size(),
                    functions.size());
            return new SeedReport(versions, functions);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * The zips of the seed, made in a folder.
     *
     * @param layers    one per entry of the layer plan, in publishing order
     * @param functions each function's code by "region/name"
     */
    record Built(List<Path> layers, Map<String, Path> functions) {

        /** The zip of a layer's {@code n}th version (from 1). */
        Path layer(String name, int n) {
            int seen = 0;
            for (int i = 0; i < LAYERS.size(); i++) {
                if (LAYERS.get(i).layer().equals(name) && ++seen == n) {
                    return layers.get(i);
                }
            }
            throw new IllegalArgumentException("The seed has no " + name + ":" + n);
        }

        Path function(String region, String name) {
            return functions.get(region + "/" + name);
        }
    }

    /** Builds every zip of the seed in {@code work}. */
    Built build(Path work, ProgressListener progress, Runnable step) throws IOException {
        List<Path> layers = new ArrayList<>();
        for (int i = 0; i < LAYERS.size(); i++) {
            checkInterrupted();
            LayerVersionPlan plan = LAYERS.get(i);
            progress.message("Building the sample layer " + plan.layer() + " (" + plan.description() + ")");
            Path python = work.resolve("layer-" + i).resolve("python");
            Files.createDirectories(python);
            for (SamplePackage p : plan.packages()) {
                p.writeTo(python);
            }
            for (Map.Entry<String, String> f : plan.ownFiles().entrySet()) {
                Path file = python.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue());
            }
            if (plan.weights()) {
                for (int part = 1; part <= WEIGHTS_PARTS; part++) {
                    zeros(python.resolve("demo_weights/data/part-" + part + ".bin"), WEIGHTS_PART_BYTES);
                }
            }
            layers.add(zip(List.of(new AddedPath(python, "python")), work.resolve("layer-" + i + ".zip")));
            step.run();
        }
        Map<String, Path> functions = new HashMap<>();
        for (FunctionPlan f : FUNCTIONS) {
            checkInterrupted();
            String key = f.region() + "/" + f.name();
            Path dir = work.resolve("function-" + f.region() + "-" + f.name());
            Files.createDirectories(dir);
            Path handler = Files.writeString(dir.resolve("lambda_function.py"), handlerSource(f));
            List<AddedPath> files = new ArrayList<>(List.of(new AddedPath(handler, "lambda_function.py")));
            if (f.bigCode()) {
                Path assets = dir.resolve("assets");
                zeros(assets.resolve("lookup-table.bin"), LOOKUP_TABLE_BYTES);
                files.add(new AddedPath(assets, "assets"));
            }
            functions.put(key, zip(files, dir.resolveSibling(dir.getFileName() + ".zip")));
            step.run();
        }
        return new Built(layers, functions);
    }

    /** Publishes the layer versions meant for the session's region; returns "name:version" → ARN. */
    private static Map<String, String> publish(AwsSession session, Built built, List<LayerVersionInfo> versions,
                                               ProgressListener progress, Runnable step) {
        SdkLayerService layers = new SdkLayerService(session);
        Map<String, String> arns = new HashMap<>();
        for (int i = 0; i < LAYERS.size(); i++) {
            LayerVersionPlan plan = LAYERS.get(i);
            if (!plan.regions().contains(session.region())) {
                continue;
            }
            checkInterrupted();
            progress.message("Publishing " + plan.layer() + " in " + session.region());
            PublishResult r = layers.publish(PublishRequest.of(built.layers().get(i), plan.layer())
                    .withDescription(plan.description()).withRuntimes(PYTHON_RUNTIMES)
                    .withArchitectures(BOTH_ARCHITECTURES).withLicense("MIT").withForce(true), ProgressListener.NONE);
            if (r.status() != PublishResult.Status.PUBLISHED) {
                throw new LayerStudioException("Seeding the sandbox failed: " + r.message());
            }
            versions.add(r.version());
            arns.put(plan.layer() + ":" + r.version().version(), r.version().arn());
            step.run();
        }
        return arns;
    }

    private static FunctionCreator.NewFunction function(FunctionPlan f, Path zip, Map<String, String> arns) {
        List<String> layerArns = f.layers().stream().map(key -> {
            String arn = arns.get(key);
            if (arn == null) {
                throw new IllegalStateException("The seed names " + key + " in " + f.region() + " but does not publish it");
            }
            return arn;
        }).toList();
        String env = ENVIRONMENTS.get(f.name());
        return new FunctionCreator.NewFunction(f.name(), f.runtime(), f.architecture(), "lambda_function.handler",
                zip, layerArns, f.description(), env == null ? Map.of() : Map.of("env", env));
    }

    /** A handler that imports what its layers provide. */
    private static String handlerSource(FunctionPlan f) {
        Set<String> imports = new LinkedHashSet<>(List.of("json"));
        for (String layer : f.layers()) {
            imports.add(switch (layer.substring(0, layer.indexOf(':'))) {
                case "common-utils" -> "textkit";
                case "http-client" -> "tinyhttp";
                default -> "demo_weights";
            });
        }
        StringBuilder s = new StringBuilder();
        imports.forEach(i -> s.append("import ").append(i).append('\n'));
        s.append("\n\ndef handler(event, context):\n");
        s.append("    name = event.get(\"name\", \"").append(f.name()).append("\")\n");
        String body = imports.contains("textkit") ? "textkit.slugify(name)" : "name";
        s.append("    return {\"statusCode\": 200, \"body\": json.dumps({\"result\": ").append(body).append("})}\n");
        return s.toString();
    }

    private Path zip(List<AddedPath> paths, Path output) throws IOException {
        LayerContent content = LayerContent.empty();
        for (AddedPath p : paths) {
            content = builder.add(content, p);
        }
        return builder.zip(content, output, ProgressListener.NONE).output();
    }

    /** A file of {@code size} zero bytes, sparse where the file system allows (it is never written in full). */
    private static void zeros(Path file, long size) throws IOException {
        Files.createDirectories(file.getParent());
        try (SeekableByteChannel c = Files.newByteChannel(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.SPARSE)) {
            c.position(size - 1);
            c.write(ByteBuffer.wrap(new byte[1]));
        }
    }

    private static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("Seeding the sandbox was cancelled");
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not remove {}", dir, e);
        }
    }
}
