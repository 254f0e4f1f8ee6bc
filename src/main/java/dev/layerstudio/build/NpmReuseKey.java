package dev.layerstudio.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@link InstallReuse} key of an npm install: npm's version and arguments (what to
 * install, for which processor), the staged project's package.json, lock file and
 * {@code .npmrc}, the user's {@code ~/.npmrc} and the {@code NPM_CONFIG_*} variables. Empty
 * (never reused) when something is installed from a local path, whose content the key
 * cannot see.
 */
final class NpmReuseKey {

    private static final List<String> PROJECT_FILES = List.of("package.json", "package-lock.json",
            "npm-shrinkwrap.json", ".npmrc");

    private NpmReuseKey() {
    }

    static Optional<String> of(List<String> args, String npmVersion, Path project, Map<String, String> extraEnv)
            throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update(sha, "npm " + npmVersion);
        for (String arg : args) {
            if (isLocal(arg)) {
                return Optional.empty();
            }
            update(sha, arg);
        }
        for (String name : PROJECT_FILES) {
            Path f = project.resolve(name);
            if (Files.isRegularFile(f)) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                if (name.equals("package.json") && (text.contains("\"file:") || text.contains("\"link:"))) {
                    return Optional.empty();
                }
                update(sha, name + "\n" + text);
            }
        }
        Map<String, String> env = new TreeMap<>(System.getenv());
        env.putAll(extraEnv);
        env.forEach((k, v) -> {
            if (k.toUpperCase(Locale.ROOT).startsWith("NPM_CONFIG_")) {
                update(sha, k + "=" + v);
            }
        });
        Path userConfig = Path.of(System.getProperty("user.home"), ".npmrc");
        if (Files.isRegularFile(userConfig)) {
            update(sha, "~/.npmrc\n" + Files.readString(userConfig, StandardCharsets.UTF_8));
        }
        return Optional.of("npm-" + HexFormat.of().formatHex(sha.digest()));
    }

    /** A package spec naming a folder or archive on disk ({@code ./lib}, {@code file:../x}, {@code /tmp/a.tgz}). */
    static boolean isLocal(String spec) {
        return spec.startsWith(".") || spec.startsWith("/") || spec.startsWith("~") || spec.startsWith("file:")
                || spec.matches("^[A-Za-z]:[\\\\/].*") || spec.endsWith(".tgz") && !spec.contains("://");
    }

    private static void update(MessageDigest sha, String part) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }
}
