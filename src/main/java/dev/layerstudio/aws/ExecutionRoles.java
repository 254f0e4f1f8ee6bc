package dev.layerstudio.aws;

import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;

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
}
