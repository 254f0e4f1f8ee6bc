package dev.layerstudio.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last installations, kept so that a rebuild whose install inputs have not changed
 * reuses one instead of running pip or uv again.
 *
 * <p>The inputs are what decides what gets installed: the installer's command (the
 * installer and its Python, the target platform's flags, the requirements as typed), the
 * installer's version, the content of every requirements and constraints file it reads
 * (and those they name), the index settings in the environment and in pip's and uv's
 * configuration files. An install from a local path (a folder, a wheel, {@code -e}, a
 * {@code --find-links} folder) is never reused: its content can change without its name
 * changing. Packages newly
 * released since are picked up once an installation is older than {@link #MAX_AGE}.
 *
 * <p>Each installation is kept in a folder named by the SHA-256 of those inputs, copied
 * there whole and renamed into place, so two builds at once never see half of one. The
 * folder is bounded in size: the least recently used go first, never one used within
 * {@link #IN_USE}, since a build may still be reading it.
 */
final class InstallReuse {

    private static final Logger LOG = LoggerFactory.getLogger(InstallReuse.class);

    static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024 * 1024;
    static final Duration MAX_AGE = Duration.ofHours(24);
    static final Duration IN_USE = Duration.ofHours(1);
    private static final String DONE = "installed-at";
    private static final Set<String> FILE_OPTIONS = Set.of("-r", "--requirement", "-c", "--constraint");
    private static final List<String> ENV_PREFIXES = List.of("PIP_", "UV_");

    private final Path dir;
    private final long maxBytes;

    InstallReuse(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    /** A kept installation: the installed tree and pip's report of it (which may be absent). */
    record Kept(Path target, Path report) {
    }

    /**
     * The key of an install, or empty when it must not be reused (a local path among the
     * requirements). {@code target} and {@code report} are this install's own paths in
     * {@code command}, left out of the key; {@code requirementArgs} are the requirements'
     * part of it.
     */
    Optional<String> key(List<String> command, List<String> requirementArgs, Path target, Path report,
                         String installer, Path base, Map<String, String> environment) {
        MessageDigest sha = sha256();
        update(sha, "installer " + installer);
        // the build's own staging folder (a lock file's pins are written there) differs per build
        Path parent = target.toAbsolutePath().getParent();
        String work = parent == null ? null : parent.toString();
        UnaryOperator<String> stable = s -> work == null ? s : s.replace(work, "<work>");
        for (String arg : command) {
            update(sha, arg.equals(target.toString()) ? "<target>" : arg.equals(report.toString()) ? "<report>"
                    : stable.apply(arg));
        }
        Set<Path> files = new LinkedHashSet<>();
        for (int i = 0; i < requirementArgs.size(); i++) {
            String arg = requirementArgs.get(i);
            if (FILE_OPTIONS.contains(arg) && i + 1 < requirementArgs.size()) {
                files.add(base.resolve(requirementArgs.get(++i)).toAbsolutePath().normalize());
            } else if (arg.equals("-e") || arg.equals("--editable") || (!arg.startsWith("-") && isLocal(arg, base))) {
                return Optional.empty();
            }
        }
        List<Path> read = new ArrayList<>(files);
        for (int i = 0; i < read.size(); i++) {
            Path file = read.get(i);
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return Optional.empty(); // the installer will say what is wrong with it
            }
            update(sha, "file " + stable.apply(file.toString()) + "\n" + text);
            for (String line : text.lines().map(String::strip).toList()) {
                String[] words = line.split("[\\s=]+", 2);
                if (FILE_OPTIONS.contains(words[0]) && words.length > 1) {
                    Path nested = file.getParent().resolve(words[1].strip()).normalize();
                    if (!read.contains(nested)) {
                        read.add(nested);
                    }
                } else if (words[0].equals("-e") || words[0].equals("--editable")
                        || (line.startsWith("-") && words.length > 1 && isLocal(words[1], file.getParent()))
                        || (!line.startsWith("-") && !line.startsWith("#") && isLocal(line, file.getParent()))) {
                    return Optional.empty(); // a local package, or a local folder of them (--find-links DIR)
                }
            }
        }
        Map<String, String> settings = new TreeMap<>();
        environment.forEach((k, v) -> {
            String upper = k.toUpperCase(Locale.ROOT);
            if (ENV_PREFIXES.stream().anyMatch(upper::startsWith)) {
                settings.put(k, v);
            }
        });
        settings.forEach((k, v) -> update(sha, "env " + k + "=" + v));
        for (Path config : configFiles(environment)) {
            try {
                update(sha, "config " + config + "\n" + Files.readString(config, StandardCharsets.UTF_8));
            } catch (IOException absent) {
                update(sha, "no config " + config);
            }
        }
        return Optional.of(HexFormat.of().formatHex(sha.digest()));
    }

    /** Whether a requirement names something on disk (a folder, an archive, a file: URL). */
    private static boolean isLocal(String requirement, Path base) {
        String r = requirement.strip();
        if (r.startsWith(".") || r.startsWith("/") || r.startsWith("~") || r.startsWith("file:")
                || r.contains("@ file:") || r.matches("^[A-Za-z]:[\\\\/].*")) {
            return true;
        }
        if (r.contains(" ") || r.contains(";") || r.contains("==") || r.contains(">") || r.contains("<")) {
            return false;
        }
        try {
            return Files.exists(base.resolve(r), LinkOption.NOFOLLOW_LINKS);
        } catch (RuntimeException invalidPath) {
            return false;
        }
    }

    /** pip's and uv's configuration files that can name an index. */
    private static List<Path> configFiles(Map<String, String> environment) {
        List<Path> files = new ArrayList<>();
        String home = System.getProperty("user.home", ".");
        String xdg = environment.getOrDefault("XDG_CONFIG_HOME", home + "/.config");
        for (String name : List.of("PIP_CONFIG_FILE", "UV_CONFIG_FILE")) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                files.add(Path.of(value));
            }
        }
        files.add(Path.of(xdg, "pip", "pip.conf"));
        files.add(Path.of(home, ".pip", "pip.conf"));
        files.add(Path.of("/etc/pip.conf"));
        files.add(Path.of(xdg, "uv", "uv.toml"));
        files.add(Path.of("/etc/uv/uv.toml"));
        String appData = environment.get("APPDATA");
        if (appData != null) {
            files.add(Path.of(appData, "pip", "pip.ini"));
            files.add(Path.of(appData, "uv", "uv.toml"));
        }
        return files;
    }

    /** The installation kept under {@code key}, when there is one younger than {@link #MAX_AGE}. */
    Optional<Kept> find(String key) {
        Path kept = dir.resolve(key);
        Path done = kept.resolve(DONE);
        try {
            long installedAt = Long.parseLong(Files.readString(done, StandardCharsets.UTF_8).strip());
            if (System.currentTimeMillis() - installedAt > MAX_AGE.toMillis()) {
                return Optional.empty();
            }
            try {
                Files.setLastModifiedTime(done, FileTime.fromMillis(System.currentTimeMillis()));
            } catch (IOException e) {
                LOG.debug("Could not mark {} as used", kept, e); // still usable
            }
            return Optional.of(new Kept(kept.resolve("target"), kept.resolve("report.json")));
        } catch (IOException | NumberFormatException absent) {
            return Optional.empty();
        }
    }

    /** Keeps a copy of a finished installation under {@code key}; a failure to keep it only loses the reuse. */
    void keep(String key, Path target, Path report) {
        Path partial = null;
        try {
            Files.createDirectories(dir);
            partial = Files.createTempDirectory(dir, ".partial-");
            if (Files.isDirectory(target)) {
                copyTree(target, partial.resolve("target"));
            } else {
                Files.createDirectories(partial.resolve("target"));
            }
            if (Files.isRegularFile(report)) {
                Files.copy(report, partial.resolve("report.json"));
            }
            Files.writeString(partial.resolve(DONE), Long.toString(System.currentTimeMillis()), StandardCharsets.UTF_8);
            Path kept = dir.resolve(key);
            WorkDirs.delete(kept); // an expired one of the same inputs
            try {
                Files.move(partial, kept, StandardCopyOption.ATOMIC_MOVE);
                partial = null;
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException another) {
                LOG.debug("Another build kept the same installation first");
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, kept);
                partial = null;
            }
            trim();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not keep the installation for reuse", e);
        } finally {
            if (partial != null) {
                WorkDirs.delete(partial);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isSymbolicLink(p)) {
                    Files.copy(p, dest, LinkOption.NOFOLLOW_LINKS);
                } else if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Removes the least recently used installations (and partial copies left behind) until the bound holds. */
    void trim() {
        record Entry(Path dir, long bytes, long used) {
        }
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        long now = System.currentTimeMillis();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir)) {
            for (Path p : all) {
                long used = lastUse(p);
                if (p.getFileName().toString().startsWith(".partial-")) {
                    if (now - used > IN_USE.toMillis()) {
                        WorkDirs.delete(p);
                    }
                    continue;
                }
                long bytes = size(p);
                entries.add(new Entry(p, bytes, used));
                total += bytes;
            }
        } catch (NoSuchFileException absent) {
            return;
        } catch (IOException e) {
            LOG.warn("Could not trim the kept installations in {}", dir, e);
            return;
        }
        entries.sort(Comparator.comparingLong(Entry::used));
        for (Entry e : entries) {
            boolean expired = now - e.used() > MAX_AGE.toMillis();
            if ((total > maxBytes || expired) && now - e.used() > IN_USE.toMillis()) {
                WorkDirs.delete(e.dir());
                total -= e.bytes();
            }
        }
    }

    private static long lastUse(Path kept) {
        try {
            Path done = kept.resolve(DONE);
            return Files.getLastModifiedTime(Files.exists(done) ? done : kept).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long size(Path tree) {
        try (Stream<Path> walk = Files.walk(tree)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
