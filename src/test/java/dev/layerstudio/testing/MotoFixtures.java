package dev.layerstudio.testing;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.PublishLayerVersionResponse;

/** Creates what tests need in moto: an execution role, functions, layer versions. */
public final class MotoFixtures {

    private static final String TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
             "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private final MotoServer moto;
    private final LambdaClient lambda;
    private String roleArn;

    public MotoFixtures(MotoServer moto, LambdaClient lambda) {
        this.moto = moto;
        this.lambda = lambda;
    }

    /** The ARN of a role Lambda functions can use (created on first call). */
    public synchronized String roleArn() {
        if (roleArn == null) {
            try (IamClient iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL)
                    .credentialsProvider(MotoServer.credentials())
                    .httpClient(UrlConnectionHttpClient.create()).build()) {
                try {
                    roleArn = iam.createRole(r -> r.roleName("layer-studio-test").assumeRolePolicyDocument(TRUST))
                            .role().arn();
                } catch (EntityAlreadyExistsException e) {
                    roleArn = iam.getRole(r -> r.roleName("layer-studio-test")).role().arn();
                }
            }
        }
        return roleArn;
    }

    public GetFunctionConfigurationResponse createFunction(String name, String runtime, List<String> layerArns) {
        return createFunction(name, runtime, layerArns, Map.of());
    }

    /** A function with tags (set at creation, as {@code CreateFunction} allows). */
    public GetFunctionConfigurationResponse createFunction(String name, String runtime, List<String> layerArns,
                                                           Map<String, String> tags) {
        var r = lambda.createFunction(b -> b.functionName(name).runtime(runtime).role(roleArn())
                .handler("lambda_function.handler").architectures(Architecture.X86_64)
                .code(c -> c.zipFile(SdkBytes.fromByteArray(Zips.handler())))
                .layers(layerArns).tags(tags));
        return lambda.getFunctionConfiguration(b -> b.functionName(r.functionName()));
    }

    public PublishLayerVersionResponse publishLayer(String name, Map<String, String> files, String... runtimes) {
        return lambda.publishLayerVersion(b -> b.layerName(name)
                .content(c -> c.zipFile(SdkBytes.fromByteArray(Zips.of(files))))
                .compatibleRuntimesWithStrings(runtimes));
    }
}
