package dev.layerstudio.cli;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.inspect.LayerSource;
import dev.layerstudio.model.ContentFacts;
import dev.layerstudio.model.LayerProject;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.PublishCompatibility;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.PublishRequest;
import dev.layerstudio.model.PublishResult;
import dev.layerstudio.project.ProjectFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code publish ZIP --layer-name NAME ...}: a new layer version, in one or several regions. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Publish a layer zip as a new version.",
            "Zips above 50 MB go through an S3 bucket in the same region (--s3-bucket). When the latest"
                + " version already has the same content, nothing is published unless --force is given."})
public final class PublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ZIP", description = "The layer zip.")
    Path zip;

    @Option(names = "--project", paramLabel = "FILE",
            description = "Take the layer's name, description, license, runtimes, architecture, bucket and regions"
                    + " from a project file; options given here win over it.")
    Path project;

    @Option(names = "--layer-name", paramLabel = "NAME", description = "The layer's name (required without --project).")
    String layerName;

    @Option(names = "--description", paramLabel = "TEXT", description = "Up to 256 characters.")
    String description;

    @Option(names = "--license", paramLabel = "TEXT", description = "SPDX identifier or URL, up to 512 characters.")
    String license;

    @Option(names = "--runtimes", split = ",", arity = "1..*", paramLabel = "RUNTIME",
            description = "Compatible runtimes, such as python3.12 (up to 15).")
    List<String> runtimes = new ArrayList<>();

    @Option(names = "--archs", split = ",", arity = "1..*", paramLabel = "ARCH",
            description = "Compatible architectures: x86_64, arm64.")
    List<String> archs = new ArrayList<>();

    @Option(names = "--s3-bucket", paramLabel = "BUCKET",
            description = "Bucket for zips above the direct-upload limit; {region} stands for each target region.")
    String s3Bucket;

    @Option(names = "--create-bucket", description = "Create the S3 bucket when it does not exist.")
    boolean createBucket;

    @Option(names = "--regions", split = ",", arity = "1..*", paramLabel = "REGION",
            description = "Publish the same zip in each of these regions (default: the chosen region).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--force", description = "Publish even when the latest version has the same content.")
    boolean force;

    @Option(names = "--allow-incompatible", description = "Declare runtimes or architectures the content cannot"
            + " run on (native code for another processor or Python); refused otherwise.")
    boolean allowIncompatible;

    @Override
    public Integer call() {
        GlobalOptions options = new GlobalOptions(spec);
        Output out = options.output();
        fromProject(out);
        PublishRequest request = new PublishRequest(zip, layerName, description, license, runtimes, archs, s3Bucket,
                createBucket, force).validated();
        checkDeclaration(out, request);
        try (AwsSession session = options.session()) {
            List<PublishResult> results = new SdkLayerService(session).publish(request, regions, progress(out));
            for (PublishResult r : results) {
                switch (r.status()) {
                    case PUBLISHED -> out.line("%s: published %s:%d (%s, %s upload)%n  %s", r.region(),
                            r.version().name(), r.version().version(), Views.size(r.zipBytes()), r.upload(),
                            r.version().arn());
                    case DUPLICATE -> out.line("%s: not published - version %d already has this content (sha256:%s);"
                            + " use --force to publish anyway%n  %s", r.region(), r.version().version(),
                            r.codeSha256(), r.version().arn());
                    case FAILED -> out.line("%s: FAILED - %s", r.region(), r.message());
                }
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("layerName", layerName);
            doc.put("results", results.stream().map(Views::publish).toList());
            out.document(doc);
            return results.stream().allMatch(PublishResult::ok) ? 0 : FailureHandler.FAILED;
        }
    }

    /** Fills what the command line leaves out from the project file. */
    private void fromProject(Output out) {
        if (project == null) {
            if (layerName == null || layerName.isBlank()) {
                throw new ParameterException(spec.commandLine(),
                        "Missing required option: '--layer-name=NAME' (or --project FILE).");
            }
            return;
        }
        ProjectFile.Read read = ProjectFile.read(project);
        String unknown = read.unknownKeysSentence(project);
        if (unknown != null) {
            out.note("warning: " + unknown);
        }
        LayerProject p = read.project();
        if (layerName == null || layerName.isBlank()) {
            if (p.layerName().isEmpty()) {
                throw new LayerStudioException(project + " names no layer; add name = \"...\" under [layer], or"
                        + " give --layer-name.");
            }
            layerName = p.layerName();
        }
        description = description != null ? description : p.publish().description();
        license = license != null ? license : p.publish().license();
        runtimes = !runtimes.isEmpty() ? runtimes : p.runtimes();
        archs = !archs.isEmpty() ? archs : List.of(p.architecture().id());
        s3Bucket = s3Bucket != null ? s3Bucket : p.publish().s3Bucket();
        regions = !regions.isEmpty() ? regions : p.publish().regions();
    }

    /**
     * Refuses a declaration the content cannot run on (an arm64-only native build declared for
     * x86_64 would pass every console filter and fail at import), and proposes one from the content
     * when none is given.
     */
    private void checkDeclaration(Output out, PublishRequest request) {
        ContentFacts content = new Inspector().contentFacts(LayerSource.of(request.zip()));
        PublishCompatibility.Proposal proposal = PublishCompatibility.propose(content, request.compatibleRuntimes());
        List<String> problems = PublishCompatibility.problems(content, request.compatibleRuntimes(),
                request.compatibleArchitectures());
        String suggested = (proposal.runtimes().isEmpty() ? "" : "--runtimes " + String.join(",",
                proposal.runtimes()) + " ") + "--archs " + String.join(",", proposal.architectures());
        if (!problems.isEmpty() && !allowIncompatible) {
            throw new LayerStudioException("The layer cannot run on everything it would be declared for: "
                    + String.join(" ", problems), "Declare what it runs on (" + suggested
                    + "), or add --allow-incompatible.", null);
        }
        problems.forEach(p -> out.note("Declared anyway: " + p));
        if (request.compatibleArchitectures().isEmpty() || request.compatibleRuntimes().isEmpty()) {
            out.note("From its content: " + suggested + " (" + String.join(" ", proposal.reasons()) + ")");
        }
    }

    /** Messages and every quarter of an upload, on stderr. */
    static ProgressListener progress(Output out) {
        return new ProgressListener() {
            private int lastQuarter = -1;

            @Override
            public synchronized void progress(long done, long total) {
                if (total <= 0) {
                    return;
                }
                int quarter = (int) (done * 4 / total);
                if (done == 0) {
                    lastQuarter = -1;
                }
                if (quarter != lastQuarter && done > 0) {
                    lastQuarter = quarter;
                    out.note(String.format("  %d%% (%s of %s)", done * 100 / total, Views.size(done),
                            Views.size(total)));
                }
            }

            @Override
            public void message(String message) {
                out.note(message);
            }
        };
    }
}
