package dev.layerstudio.aws;

import dev.layerstudio.model.Architecture;
import dev.layerstudio.model.ByteSizes;
import dev.layerstudio.model.Identity;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.Limits;
import dev.layerstudio.model.ProbeJournal;
import dev.layerstudio.model.ProbeReport;
import dev.layerstudio.model.ProbeRequest;
import dev.layerstudio.model.ProgressListener;
import dev.layerstudio.model.Runtime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * Tests a layer in Lambda itself: a short-lived probe function with the chosen runtime,
 * architecture and the layer imports the layer's modules once and says how it went
 * ({@code layer_studio_probe.py}, shipped with the app).
 *
 * <p>A zip is published first as a version of a temporary layer. The function runs as the
 * user's role, or as a role created for the test (trusting {@code lambda.amazonaws.com},
 * no policies). Every name is the test's own ({@code layer-studio-probe-<time>-<random>}),
 * and all of them are written to a {@link ProbeJournals journal} before anything is
 * created. Afterwards — success, failure or cancel alike — the function, the temporary
 * layer and the created role (unless kept) are deleted and the journal removed; what could
 * not be deleted stays journalled for {@link ProbeRecovery}.
 */
public final class LambdaProbe {

    /** The handler file inside the probe function's code. */
    public static final String HANDLER_FILE = "layer_studio_probe.py";
    /** The probe function's memory: more memory is more CPU, so imports finish sooner. */
    public static final int MEMORY_MB = 1024;
    /** The probe function's timeout; the handler stops starting imports a few seconds before it. */
    public static final int TIMEOUT_SECONDS = 45;
    private static final String NAME_PREFIX = "layer-studio-probe-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);
    private static final String LAMBDA_TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
            "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    /**
     * @param roleWaits  pauses between attempts to create the function while a new role is not
     *                   yet usable by Lambda (IAM takes some seconds to spread a new role)
     * @param statePoll  pause between looks at a function Lambda is still preparing
     * @param statePolls looks before giving up on it
     */
    public record Options(List<Duration> roleWaits, Duration statePoll, int statePolls, Clock clock) {
        public static Options defaults() {
            return new Options(List.of(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5),
                    Duration.ofSeconds(8), Duration.ofSeconds(10)), Duration.ofSeconds(1), 120, Clock.systemUTC());
        }

        public Options withWaits(List<Duration> waits, Duration poll) {
            return new Options(waits, poll, statePolls, clock);
        }
    }

    private final AwsSession session;
    private final ProbeJournals journals;
    private final Options options;

    public LambdaProbe(AwsSession session, ProbeJournals journals) {
        this(session, journals, Options.defaults());
    }

    public LambdaProbe(AwsSession session, ProbeJournals journals, Options options) {
        this.session = session;
        this.journals = journals;
        this.options = options;
    }

    /**
     * Runs one test and cleans up after it. Cancelling (the thread's interrupt) still cleans
     * up, then throws {@link CancellationException}.
     */
    public ProbeReport run(ProbeRequest request, ProgressListener listener) {
        Runtime chosen = Runtime.parse(request.runtime());
        if (!chosen.isPython()) {
            throw new LayerStudioException("The test in Lambda runs Python; " + chosen.id() + " is a "
                    + chosen.languageName() + " runtime.", "Choose a python3.N runtime.", null);
        }
        String runtime = chosen.id();
        String arch = Architecture.parse(request.architecture()).id();
        byte[] zip = request.zip() == null ? null : readZip(request.zip());
        if (request.layerArn() != null) {
            checkVersion(request.layerArn());
        }
        listener.message("Checking the account");
        Identity me = session.whoAmI();
        ProbeJournal journal = journalFor(me.accountId(), request);
        journals.write(journal);
        ProbeReport report = null;
        String kept = null;
        RuntimeException failure = null;
        ProbeCleanup.Result cleanup;
        try {
            String roleArn = request.roleArn();
            if (roleArn == null) {
                listener.message("Creating the role " + journal.roleName());
                roleArn = createRole(journal.roleName());
                if (journal.keepRole()) {
                    kept = roleArn;
                }
            }
            String layerArn = request.layerArn();
            if (zip != null) {
                listener.message("Publishing a temporary version of the layer");
                layerArn = publish(journal.layerName(), zip, runtime, arch);
            }
            listener.message("Creating the probe function " + journal.functionName());
            createFunction(journal.functionName(), runtime, arch, roleArn, layerArn, request.roleArn() == null);
            waitUntilActive(journal.functionName());
            listener.message("Invoking the probe function");
            report = invoke(journal.functionName(), request.modules(), runtime, arch, layerArn, request.createsRole());
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            listener.message("Removing what the test created");
            cleanup = ProbeCleanup.run(session, journal);
            if (cleanup.complete()) {
                journals.remove(journal.id());
            }
        }
        String left = cleanup.complete() ? "" : " Not removed yet: " + String.join(" ", cleanup.failures())
                + " Layer Studio removes it at the next start, or run 'recover'.";
        if (failure instanceof CancellationException) {
            throw failure;
        }
        if (failure != null) {
            if (left.isEmpty()) {
                throw failure;
            }
            throw new LayerStudioException(failure.getMessage() + left, failure);
        }
        return report.withCleanup(cleanup.removed(), kept, cleanup.failures());
    }

    private ProbeJournal journalFor(String account, ProbeRequest request) {
        String name = NAME_PREFIX + STAMP.format(options.clock().instant()) + "-"
                + UUID.randomUUID().toString().substring(0, 6);
        return new ProbeJournal("probe-" + name.substring(NAME_PREFIX.length()), account, session.region(),
                options.clock().instant(), name, request.zip() == null ? null : name,
                request.createsRole() ? name : null, request.keepRole() && request.createsRole());
    }

    private static byte[] readZip(Path zip) {
        try {
            long size = Files.size(zip);
            if (size > Limits.DIRECT_UPLOAD_ZIP_BYTES) {
                throw new LayerStudioException("The zip is " + ByteSizes.human(size) + ", above the "
                        + ByteSizes.human(Limits.DIRECT_UPLOAD_ZIP_BYTES) + " Lambda takes directly, so it cannot be"
                        + " published for the test.", "Publish it first (through S3), then test that version.", null);
            }
            return Files.readAllBytes(zip);
        } catch (IOException e) {
            throw new LayerStudioException("Could not read " + zip + ": " + e.getMessage(), e);
        }
    }

    private void checkVersion(String arn) {
        LayerVersionRef ref = LayerVersionRef.tryParse(arn).filter(LayerVersionRef::isVersioned)
                .orElseThrow(() -> new LayerStudioException("'" + arn + "' is not a layer version ARN"
                        + " (arn:aws:lambda:REGION:ACCOUNT:layer:NAME:VERSION)."));
        if (!ref.region().equals(session.region())) {
            throw new LayerStudioException("The layer version is in " + ref.region() + " and this connection in "
                    + session.region() + "; a function can only use layers of its own region.",
                    "Connect to " + ref.region() + " (--region " + ref.region() + ").", null);
        }
    }

    private String createRole(String name) {
        try {
            return session.iam().createRole(r -> r.roleName(name).assumeRolePolicyDocument(LAMBDA_TRUST)
                    .description("Temporary: runs Layer Studio's test in Lambda; no permissions")).role().arn();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "create the role " + name + " for the test (or choose an existing"
                    + " execution role)");
        }
    }

    private String publish(String layerName, byte[] zip, String runtime, String arch) {
        try {
            return session.lambdaSingleAttempt().publishLayerVersion(b -> b.layerName(layerName)
                    .description("Temporary: Layer Studio's test in Lambda; deleted after the test")
                    .compatibleRuntimesWithStrings(runtime).compatibleArchitecturesWithStrings(arch)
                    .content(c -> c.zipFile(SdkBytes.fromByteArray(zip)))).layerVersionArn();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "publish the layer for the test");
        }
    }

    private void createFunction(String name, String runtime, String arch, String roleArn, String layerArn,
                                boolean newRole) {
        SdkBytes code = SdkBytes.fromByteArray(codeZip());
        for (int attempt = 0; ; attempt++) {
            try {
                session.lambda().createFunction(b -> b.functionName(name).runtime(runtime)
                        .architecturesWithStrings(arch).handler("layer_studio_probe.handler").role(roleArn)
                        .memorySize(MEMORY_MB).timeout(TIMEOUT_SECONDS).layers(layerArn)
                        .description("Temporary: Layer Studio's test in Lambda; deleted after the test")
                        .tags(Map.of("created-by", "layer-studio", "purpose", "test-in-lambda"))
                        .code(c -> c.zipFile(code)));
                return;
            } catch (InvalidParameterValueException e) {
                if (!newRole || attempt >= options.roleWaits().size() || !roleNotReady(e)) {
                    throw AwsErrors.translate(e, "create the probe function");
                }
                pause(options.roleWaits().get(attempt));
            } catch (RuntimeException e) {
                throw AwsErrors.translate(e, "create the probe function");
            }
        }
    }

    /** Lambda's answer while a new role has not reached it: "The role defined for the function cannot be assumed by Lambda." */
    static boolean roleNotReady(InvalidParameterValueException e) {
        String text = String.valueOf(e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
        return text.toLowerCase(Locale.ROOT).contains("cannot be assumed");
    }

    private void waitUntilActive(String name) {
        for (int look = 0; look < options.statePolls(); look++) {
            GetFunctionConfigurationResponse f;
            try {
                f = session.lambda().getFunctionConfiguration(b -> b.functionName(name));
            } catch (RuntimeException e) {
                throw AwsErrors.translate(e, "read the probe function's state");
            }
            if (f.state() == null || f.state() == State.ACTIVE) {
                return;
            }
            if (f.state() == State.FAILED || f.state() == State.INACTIVE) {
                throw new LayerStudioException("Lambda could not prepare the probe function: "
                        + (f.stateReason() == null ? f.stateAsString() : f.stateReason()));
            }
            pause(options.statePoll());
        }
        throw new LayerStudioException("Lambda was still preparing the probe function after "
                + options.statePolls() * options.statePoll().toSeconds() + " seconds.");
    }

    private ProbeReport invoke(String name, List<String> modules, String runtime, String arch, String layerArn,
                               boolean ownRole) {
        String event = modules.isEmpty() ? "{}" : "{\"modules\":" + jsonArray(modules) + "}";
        // one attempt: an invoke is not repeated behind the user's back. It runs on a thread of its
        // own so that a cancel need not wait for the answer (a blocked read ignores interrupts):
        // the cleanup deletes the function at once, and the abandoned call ends with its answer.
        FutureTask<InvokeResponse> call = new FutureTask<>(() -> session.lambdaSingleAttempt()
                .invoke(b -> b.functionName(name).payload(SdkBytes.fromUtf8String(event))));
        Thread caller = new Thread(call, "probe-invoke");
        caller.setDaemon(true);
        caller.start();
        InvokeResponse r;
        try {
            r = call.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Cancelled while the probe function ran");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw AwsErrors.translate(re, "invoke the probe function");
            }
            throw new LayerStudioException("Could not invoke the probe function: " + e.getCause(), e.getCause());
        }
        String payload = r.payload() == null ? "" : r.payload().asUtf8String();
        if (r.functionError() != null) {
            throw new LayerStudioException("The probe function failed in Lambda: " + ProbeAnswer.error(payload),
                    ownRole ? "The role made for the test may not write logs; to read the probe's output in"
                            + " CloudWatch Logs, test again with an execution role that may (such as one with"
                            + " AWSLambdaBasicExecutionRole)."
                            : "The log group /aws/lambda/" + name + " has the probe's output.", null);
        }
        return ProbeAnswer.parse(payload, runtime, arch, session.region(), layerArn);
    }

    private static String jsonArray(List<String> names) {
        StringBuilder out = new StringBuilder("[");
        for (String n : names) { // names checked by ProbeRequest: nothing to escape
            out.append(out.length() > 1 ? "," : "").append('"').append(n).append('"');
        }
        return out.append(']').toString();
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Cancelled");
        }
    }

    /** The probe function's code: the shipped handler alone, in a zip. */
    static byte[] codeZip() {
        try (InputStream handler = LambdaProbe.class.getResourceAsStream("probe/" + HANDLER_FILE)) {
            if (handler == null) {
                throw new IllegalStateException("The probe handler is missing from the application");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry(HANDLER_FILE));
                handler.transferTo(zip);
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
