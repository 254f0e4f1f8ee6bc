package dev.layerstudio.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes out of a fresh installation what only the building machine needs: the console
 * scripts pip and uv write to {@code bin/} (their shebang names this machine's Python, and
 * {@code /opt/python/bin} is on no search path in Lambda) unless asked to keep them, then
 * with Lambda's interpreter in the shebang; uv's {@code .lock}; byte-code caches of the
 * host's Python; and the {@code REQUESTED} markers and {@code direct_url.json} files that
 * record where on this machine a package came from.
 */
final class InstalledTreeCleaner {

    /** The Python of Lambda's Python runtimes. */
    static final String LAMBDA_PYTHON = "/var/lang/bin/python3";

    private InstalledTreeCleaner() {
    }

    /** What cleaning did, for the log. */
    record Cleaned(List<String> removed, List<String> rewritten) {
    }

    static Cleaned clean(Path target, boolean keepScripts) throws IOException {
        List<String> removed = new ArrayList<>();
        List<String> rewritten = new ArrayList<>();
        if (!Files.isDirectory(target)) {
            return new Cleaned(removed, rewritten);
        }
        Path bin = target.resolve("bin");
        if (Files.isDirectory(bin)) {
            if (keepScripts) {
                try (var list = Files.list(bin)) {
                    for (Path script : list.filter(Files::isRegularFile).sorted().toList()) {
                        if (rewriteShebang(script)) {
                            rewritten.add("bin/" + script.getFileName());
                        }
                    }
                }
            } else {
                WorkDirs.delete(bin);
                removed.add("bin/");
            }
        }
        Path lock = target.resolve(".lock");
        if (Files.isRegularFile(lock)) {
            Files.delete(lock);
            removed.add(".lock");
        }
        Files.walkFileTree(target, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.getFileName().toString().equals("__pycache__")) {
                    WorkDirs.delete(dir);
                    removed.add(target.relativize(dir) + "/");
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                boolean inDistInfo = file.getParent().getFileName().toString().endsWith(".dist-info");
                if (inDistInfo && (name.equals("REQUESTED") || name.equals("direct_url.json"))) {
                    Files.delete(file);
                    removed.add(target.relativize(file).toString());
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return new Cleaned(removed, rewritten);
    }

    /**
     * Puts Lambda's Python in a script's shebang when it names a Python: a plain
     * {@code #!/path/python3} line, or pip's {@code /bin/sh} trampoline for long paths.
     */
    static boolean rewriteShebang(Path script) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(script)) {
            head = in.readNBytes(2);
        }
        if (head.length < 2 || head[0] != '#' || head[1] != '!') {
            return false;
        }
        String text = Files.readString(script, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(text.lines().toList());
        String first = lines.get(0);
        int skip;
        if (first.strip().equals("#!/bin/sh") && lines.size() > 2 && lines.get(1).startsWith("'''exec' ")
                && lines.get(2).strip().equals("' '''")) {
            skip = 3; // pip's trampoline: #!/bin/sh, '''exec' /long/path/python "$0" "$@", ' '''
        } else if (first.contains("python")) {
            skip = 1;
        } else {
            return false;
        }
        List<String> out = new ArrayList<>();
        out.add("#!" + LAMBDA_PYTHON);
        out.addAll(lines.subList(skip, lines.size()));
        Files.writeString(script, String.join("\n", out) + (text.endsWith("\n") ? "\n" : ""), StandardCharsets.UTF_8);
        return true;
    }
}
