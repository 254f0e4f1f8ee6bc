package dev.layerstudio.aws;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.Role;

/** The IAM role a Lambda function runs as: Lambda must be allowed to assume it. */
public final class ExecutionRoles {

    private static final String LAMBDA_TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
            "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private ExecutionRoles() {
    }

    /**
     * The ARN of the role {@code roleName}, created with a trust policy for Lambda when it
     * does not exist yet (an existing role is used as it is). On AWS itself a new role
     * takes some seconds before Lambda can assume it; local stand-ins accept it at once.
     */
    public static String ensure(AwsSession session, String roleName) {
        try {
            try {
                return session.iam().createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(LAMBDA_TRUST)
                        .description("Runs Lambda functions created by Layer Studio")).role().arn();
            } catch (EntityAlreadyExistsException e) {
                return session.iam().getRole(r -> r.roleName(roleName)).role().arn();
            }
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "create the execution role " + roleName);
        }
    }

    /**
     * The ARNs of the account's roles that Lambda may assume (their trust policy names
     * {@code lambda.amazonaws.com}), all pages, sorted: the choices for a function's execution role.
     */
    public static List<String> forLambda(AwsSession session) {
        try {
            return session.iam().listRolesPaginator().roles().stream().filter(ExecutionRoles::trustsLambda)
                    .map(Role::arn).sorted().toList();
        } catch (RuntimeException e) {
            throw AwsErrors.translate(e, "list the account's roles");
        }
    }

    private static boolean trustsLambda(Role role) {
        String policy = role.assumeRolePolicyDocument();
        if (policy == null) {
            return false;
        }
        if (policy.contains("%")) { // IAM sends the document URL-encoded
            try {
                policy = URLDecoder.decode(policy, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notEncoded) {
                // a literal % in the text: read it as it is
            }
        }
        return policy.contains("lambda.amazonaws.com");
    }
}
