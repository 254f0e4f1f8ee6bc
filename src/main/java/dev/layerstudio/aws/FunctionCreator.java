package dev.layerstudio.aws;

import dev.layerstudio.model.FunctionInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;

/** Creates zip-packaged functions, such as the sample functions of the local sandbox. */
public final class FunctionCreator {

    /**
     * A function to create.
     *
     * @param name         function name
     * @param runtime      runtime id such as python3.12
     * @param architecture x86_64 or arm64
     * @param handler      module.function
     * @param codeZip      the deployment package (sent directly, so at most the direct-upload size)
     * @param layerArns    versioned layer ARNs in merge order
     * @param description  may be empty
     * @param tags         the function's tags (such as env=dev), may be empty
     */
    public record NewFunction(String name, String runtime, String architecture, String handler, Path codeZip,
                              List<String> layerArns, String description, Map<String, String> tags) {
        public NewFunction {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(codeZip, "codeZip");
            layerArns = layerArns == null ? List.of() : List.copyOf(layerArns);
            description = description == null ? "" : description;
            tags = tags == null ? Map.of() : Map.copyOf(tags);
        }

        /** A function without tags. */
        public NewFunction(String name, String runtime, String architecture, String handler, Path codeZip,
                           List<String> layerArns, String description) {
            this(name, runtime, architecture, handler, codeZip, layerArns, description, Map.of());
        }
    }

    private final AwsSession session;

    public FunctionCreator(AwsSession session) {
        this.session = session;
    }

    /** Creates the function, running as {@code roleArn} (see {@link ExecutionRoles#ensure}). */
    public FunctionInfo create(NewFunction f, String roleArn) {
        SdkBytes code;
        try {
            code = SdkBytes.fromByteArray(Files.readAllBytes(f.codeZip()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + f.codeZip(), e);
        }
        try {
            return LambdaMapping.function(session.lambda().createFunction(b -> b.functionName(f.name())
                    .runtime(f.runtime()).architecturesWithStrings(f.architecture()).handler(f.handler())
                    .role(roleArn).description(f.description()).code(c -> c.zipFile(code)).layers(f.layerArns())
                    .tags(f.tags().isEmpty() ? null : f.tags())));
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "create function " + f.name() + " in " + session.region());
        }
    }
}
