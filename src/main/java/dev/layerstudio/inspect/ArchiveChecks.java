package dev.layerstudio.inspect;

import dev.layerstudio.model.ByteSizes;
import dev.layerstudio.model.EntryKind;
import dev.layerstudio.model.Finding;
import dev.layerstudio.model.FindingCode;
import dev.layerstudio.model.ZipEntryInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Problems of the archive itself: names, duplicates, permissions, symlinks, compression. */
final class ArchiveChecks {

    /** Deflate cannot do much better than about 1:1000; real files rarely pass 1:100. */
    static final long SUSPICIOUS_RATIO = 100;
    static final long SUSPICIOUS_MIN_BYTES = 1024 * 1024;

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private ArchiveChecks() {
    }

    static List<Finding> check(CheckContext ctx) {
        List<Finding> out = new ArrayList<>();
        unsafePaths(ctx, out);
        duplicates(ctx, out);
        permissions(ctx, out);
        symlinks(ctx, out);
        compression(ctx, out);
        ctx.scan().unextractable().forEach((path, why) -> out.add(Finding.of(FindingCode.UNEXTRACTABLE_ENTRY,
                path + " is " + why + "; Lambda extracts only stored and deflated entries.", path)));
        return out;
    }

    /** Why a name escapes the layer, or null when it does not. */
    static String unsafeReason(String path) {
        if (path.contains("\\")) {
            return "contains backslashes, which Linux keeps as part of the file name";
        }
        if (path.startsWith("/")) {
            return "is an absolute path";
        }
        if (path.length() > 1 && path.charAt(1) == ':' && DRIVE.matcher(path).matches()) {
            return "starts with a drive letter";
        }
        if (!path.contains("..")) {
            return null;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return "climbs out of the layer with ../";
            }
        }
        return null;
    }

    private static void unsafePaths(CheckContext ctx, List<Finding> out) {
        for (ZipEntryInfo e : ctx.entries()) {
            String why = unsafeReason(e.path());
            if (why != null) {
                out.add(Finding.of(FindingCode.UNSAFE_PATH, "The entry name " + e.path() + " " + why
                        + "; it would not land where it should under /opt.", e.path()));
            }
        }
    }

    private static void duplicates(CheckContext ctx, List<Finding> out) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Long> extraBytes = new LinkedHashMap<>();
        for (ZipEntryInfo e : ctx.entries()) {
            if (e.kind() == EntryKind.DIRECTORY) {
                continue;
            }
            if (counts.merge(e.path(), 1, Integer::sum) > 1) {
                extraBytes.merge(e.path(), e.unzippedBytes(), Long::sum);
            }
        }
        if (extraBytes.isEmpty()) {
            return;
        }
        String first = extraBytes.keySet().iterator().next();
        String message = extraBytes.size() == 1
                ? first + " is in the zip " + counts.get(first) + " times"
                : Sizes.count(extraBytes.size(), "name", "names") + " appear more than once (" + first + " "
                        + counts.get(first) + " times)";
        out.add(Finding.of(FindingCode.DUPLICATE_ENTRY, message
                        + "; which copy ends up in /opt depends on the extracting tool. Rebuild the zip from a clean folder.",
                new ArrayList<>(extraBytes.keySet()), extraBytes.values().stream().mapToLong(Long::longValue).sum()));
    }

    private static void permissions(CheckContext ctx, List<Finding> out) {
        List<String> paths = new ArrayList<>();
        ZipEntryInfo example = null;
        for (ZipEntryInfo e : ctx.entries()) {
            if (!e.hasMode() || e.kind() == EntryKind.SYMLINK) {
                continue;
            }
            boolean bad = e.kind() == EntryKind.DIRECTORY ? (e.mode() & 0005) != 0005 : (e.mode() & 0004) == 0;
            if (bad) {
                paths.add(e.path());
                example = example == null ? e : example;
            }
        }
        if (example == null) {
            return;
        }
        String what = example.kind() == EntryKind.DIRECTORY ? "folder" : "file";
        String message = (paths.size() == 1 ? "The " + what + " " + example.path() + " is"
                : Sizes.count(paths.size(), "entry", "entries") + " (such as " + example.path() + ") are")
                + " not readable by everyone (" + example.permissions() + "); Lambda runs your function as another"
                + " user, so it cannot read " + (paths.size() == 1 ? "it" : "them")
                + ". Files need o+r, folders o+rx.";
        out.add(Finding.of(FindingCode.NOT_WORLD_READABLE, message, paths, 0));
    }

    private static void symlinks(CheckContext ctx, List<Finding> out) {
        for (ZipEntryInfo e : ctx.entries()) {
            if (e.kind() != EntryKind.SYMLINK) {
                continue;
            }
            String target = ctx.scan().symlinkTargets().get(e.path());
            StringBuilder message = new StringBuilder(e.path()).append(" is a symbolic link");
            if (target != null) {
                message.append(" to ").append(target);
                if (escapes(e.path(), target)) {
                    message.append(", which points outside the layer: it works only if that path exists on Lambda");
                }
            }
            message.append(". Lambda keeps links, but tools that rebuild or extract the zip elsewhere (Windows) may not.");
            out.add(Finding.of(FindingCode.SYMLINK, message.toString(), e.path()));
        }
    }

    /** Whether a link target leaves the layer (absolute, or climbing above its root). */
    static boolean escapes(String linkPath, String target) {
        if (target.startsWith("/")) {
            return !target.startsWith("/opt/");
        }
        int depth = linkPath.split("/").length - 1;
        for (String segment : target.split("/")) {
            if (segment.equals("..")) {
                depth--;
                if (depth < 0) {
                    return true;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    private static void compression(CheckContext ctx, List<Finding> out) {
        for (ZipEntryInfo e : ctx.entries()) {
            if (e.kind() != EntryKind.FILE || e.unzippedBytes() < SUSPICIOUS_MIN_BYTES) {
                continue;
            }
            if (e.zippedBytes() <= 0 || e.unzippedBytes() / e.zippedBytes() >= SUSPICIOUS_RATIO) {
                String ratio = e.zippedBytes() <= 0 ? "from nothing" : "1:" + e.unzippedBytes() / e.zippedBytes();
                out.add(new Finding(FindingCode.SUSPICIOUS_COMPRESSION, FindingCode.SUSPICIOUS_COMPRESSION.severity(),
                        e.path() + " expands " + ratio + " (" + ByteSizes.human(e.zippedBytes()) + " to "
                                + ByteSizes.human(e.unzippedBytes()) + "); real files rarely do. Check that it is"
                                + " what you meant to ship.", e.path(), List.of(e.path()), e.unzippedBytes()));
            }
        }
    }
}
