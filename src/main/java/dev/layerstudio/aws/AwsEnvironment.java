package dev.layerstudio.aws;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where the AWS files are and what the AWS_* variables say, read the way the SDK and
 * the AWS CLI read them: {@code AWS_CONFIG_FILE} (else {@code ~/.aws/config}),
 * {@code AWS_SHARED_CREDENTIALS_FILE} (else {@code ~/.aws/credentials}), the SSO token
 * cache in {@code ~/.aws/sso/cache}, {@code AWS_PROFILE} and {@code AWS_REGION}.
 *
 * <p>Tests pass a temporary home and their own variables, so nothing reads the real
 * home folder.
 */
public record AwsEnvironment(Path home, Map<String, String> variables) {

    public AwsEnvironment {
        Objects.requireNonNull(home, "home");
        variables = Map.copyOf(variables);
    }

    /** The real home folder (HOME, as the SDK reads it, else user.home) and the real environment. */
    public static AwsEnvironment system() {
        Map<String, String> env = System.getenv();
        String home = env.get("HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home", ".");
        }
        return new AwsEnvironment(Path.of(home), env);
    }

    /** A variable's value, trimmed, or null when unset or blank. */
    public String variable(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public Path configFile() {
        return fileFromVariable("AWS_CONFIG_FILE", home.resolve(".aws").resolve("config"));
    }

    public Path credentialsFile() {
        return fileFromVariable("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws").resolve("credentials"));
    }

    /** Where {@code aws sso login} keeps its tokens. */
    public Path ssoCacheDir() {
        return home.resolve(".aws").resolve("sso").resolve("cache");
    }

    /** AWS_PROFILE (or AWS_DEFAULT_PROFILE, which older tools set), or null. */
    public String profile() {
        String p = variable("AWS_PROFILE");
        return p != null ? p : variable("AWS_DEFAULT_PROFILE");
    }

    /** AWS_REGION (or AWS_DEFAULT_REGION, which the AWS CLI reads), or null. */
    public String region() {
        String r = variable("AWS_REGION");
        return r != null ? r : variable("AWS_DEFAULT_REGION");
    }

    /** Whether AWS_ENDPOINT_URL or AWS_ENDPOINT_URL_&lt;service&gt; points somewhere. */
    public boolean endpointVariableSet(String serviceSuffix) {
        for (String name : List.of("AWS_ENDPOINT_URL_" + serviceSuffix, "AWS_ENDPOINT_URL")) {
            if (variable(name) != null) {
                return true;
            }
        }
        return false;
    }

    private Path fileFromVariable(String name, Path fallback) {
        String value = variable(name);
        if (value == null) {
            return fallback;
        }
        if (value.equals("~") || value.startsWith("~/") || value.startsWith("~\\")) {
            return home.resolve(value.length() <= 2 ? "" : value.substring(2));
        }
        return Path.of(value);
    }
}
