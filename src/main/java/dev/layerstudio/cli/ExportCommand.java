package dev.layerstudio.cli;

import dev.layerstudio.aws.AwsSession;
import dev.layerstudio.aws.SdkFunctionService;
import dev.layerstudio.aws.SdkLayerService;
import dev.layerstudio.export.ExportFormat;
import dev.layerstudio.export.ExportRequest;
import dev.layerstudio.export.ExportResult;
import dev.layerstudio.export.LayerCode;
import dev.layerstudio.export.LayerExporter;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.LayerStudioException;
import dev.layerstudio.model.LayerVersionInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export --layer NAME --layer-version N --format sam|cfn|terraform [--with-functions]
 * [--s3-bucket B --s3-key K | --zip PATH] [-o FILE]}.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a layer version as infrastructure as code: a SAM or CloudFormation snippet, or"
                + " Terraform, with who it is shared with and, optionally, the layer lists of the functions that"
                + " use it."})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--layer", required = true, paramLabel = "NAME", description = "Layer name or ARN.")
    String layer;

    @Option(names = "--layer-version", required = true, paramLabel = "N", description = "Layer version number.")
    long version;

    @Option(names = "--format", required = true, paramLabel = "sam|cfn|terraform", description = "What to write.")
    String format;

    @Option(names = "--with-functions",
            description = "Also the Layers of every function of the region on this version, with the layer's ARN"
                    + " replaced by a reference to the exported resource.")
    boolean withFunctions;

    @Option(names = "--s3-bucket", paramLabel = "BUCKET", description = "The zip is in this bucket (with --s3-key).")
    String s3Bucket;

    @Option(names = "--s3-key", paramLabel = "KEY", description = "The zip's key in --s3-bucket.")
    String s3Key;

    @Option(names = "--zip", paramLabel = "PATH",
            description = "The zip on disk, as the template should name it (default: NAME-N.zip).")
    String zip;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to this file instead of stdout.")
    Path file;

    @Override
    public Integer call() {
        GlobalOptions options = new GlobalOptions(spec);
        Output out = options.output();
        ExportFormat chosen = ExportFormat.parse(format);
        checkCode();
        try (AwsSession session = options.session()) {
            SdkLayerService layers = new SdkLayerService(session);
            LayerVersionInfo info = layers.getVersion(layer, version);
            LayerCode code = code(out, info);
            List<FunctionInfo> users = withFunctions
                    ? new SdkFunctionService(session).listFunctions().stream()
                    .filter(f -> f.layerArns().contains(info.arn())).toList()
                    : List.of();
            ExportRequest request = new ExportRequest(info, layers.permissions(layer, version), users, code);
            ExportResult result = LayerExporter.export(request, chosen);
            result.notes().forEach(out::note);
            if (withFunctions && users.isEmpty()) {
                out.note("No function in " + session.region() + " uses " + info.name() + ":" + info.version() + ".");
            }
            if (file != null) {
                write(file, result.text());
                out.line("Wrote %s for %s to %s.", chosen.id(), info.arn(), file);
            } else if (!out.json()) {
                out.out().print(result.text());
                out.out().flush();
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("format", chosen.id());
            doc.put("layerVersionArn", info.arn());
            doc.put("functions", users.stream().map(FunctionInfo::name).toList());
            doc.put("file", file == null ? null : file.toString());
            doc.put("text", result.text());
            doc.put("notes", result.notes());
            out.document(doc);
            return 0;
        }
    }

    private void checkCode() {
        if ((s3Bucket == null) != (s3Key == null)) {
            throw new LayerStudioException("--s3-bucket and --s3-key go together.");
        }
        if (s3Bucket != null && zip != null) {
            throw new LayerStudioException("Choose where the zip is: --s3-bucket and --s3-key, or --zip.");
        }
    }

    private LayerCode code(Output out, LayerVersionInfo info) {
        if (s3Bucket != null) {
            return new LayerCode.S3Object(s3Bucket, s3Key);
        }
        if (zip != null) {
            return new LayerCode.LocalZip(zip);
        }
        String name = info.name() + "-" + info.version() + ".zip";
        out.note("The template names the zip " + name + "; give --zip or --s3-bucket/--s3-key to change that.");
        return new LayerCode.LocalZip(name);
    }

    private static void write(Path target, String text) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(target, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LayerStudioException("Could not write " + target + ": " + e.getMessage(), null, e);
        }
    }
}
