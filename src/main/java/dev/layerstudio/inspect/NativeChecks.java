package dev.layerstudio.inspect;

import dev.layerstudio.model.EntryKind;
import dev.layerstudio.model.Finding;
import dev.layerstudio.model.FindingCode;
import dev.layerstudio.model.ZipEntryInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Native code built for the wrong place: another OS (Mach-O, PE, musl), another
 * architecture (ELF machine), another CPython (extension tag). The header wins where it
 * was read; otherwise the file name's platform tag decides.
 */
final class NativeChecks {

    private static final Pattern CPYTHON_TAG = Pattern.compile(
            ".*\\.cpython-(\\d)(\\d+)[a-z]*-([^./]+)\\.so$");
    private static final Pattern WINDOWS_TAG = Pattern.compile(".*\\.cp(\\d)(\\d+)-win[^./]*\\.pyd$");

    private NativeChecks() {
    }

    private record Problem(FindingCode code, String what) {
    }

    static List<Finding> check(CheckContext ctx) {
        Map<String, NativeFile> headers = new HashMap<>();
        ctx.scan().natives().forEach(n -> headers.put(n.path(), n));
        Map<String, Group> groups = new LinkedHashMap<>();
        List<ZipEntryInfo> entries = ctx.entries();
        for (int i = 0; i < entries.size(); i++) {
            ZipEntryInfo e = entries.get(i);
            if (e.kind() != EntryKind.FILE) {
                continue;
            }
            NativeFile header = headers.get(e.path());
            if (header == null && !ScanAssembler.isBinaryCandidate(e.path())) {
                continue;
            }
            for (Problem p : problems(ctx, e.path(), header)) {
                String owner = ctx.ownerLabel(i);
                groups.computeIfAbsent(p.code + "|" + owner + "|" + p.what, k -> new Group(p, owner)).add(e);
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Group g : groups.values()) {
            out.add(Finding.of(g.problem.code, g.message(ctx), g.paths, g.bytes));
        }
        return out;
    }

    /**
     * What a native file is built for, from its header where it was read, else from its name.
     *
     * @param os         another operating system than Linux with glibc, or null
     * @param machine    the processor ({@code x86_64}, {@code aarch64}, ...) of Linux code, or null when unknown
     * @param abiDigits  the CPython of an extension module ({@code 312}), or null
     */
    record Target(String os, String machine, String abiDigits) {
    }

    static Target classify(String path, NativeFile header) {
        String lower = path.toLowerCase(Locale.ROOT);
        Matcher tag = CPYTHON_TAG.matcher(lower);
        Matcher win = WINDOWS_TAG.matcher(lower);
        boolean extension = lower.endsWith(".so") || lower.endsWith(".pyd") || lower.contains(".so.")
                || lower.endsWith(".dylib") || lower.endsWith(".node");
        String os = null;
        if (header != null && header.format().equals(NativeFile.MACH_O)) {
            os = "macOS (Mach-O)";
        } else if (header != null && header.format().equals(NativeFile.PE) && extension) {
            os = "Windows (PE)";
        } else if (header == null && (lower.endsWith(".pyd") || lower.endsWith(".dylib"))) {
            os = lower.endsWith(".pyd") ? "Windows" : "macOS";
        } else if (tag.matches() && tag.group(3).contains("darwin")) {
            os = "macOS";
        } else if (tag.matches() && tag.group(3).contains("musl")) {
            os = "musl Linux (Alpine)";
        } else if (lower.endsWith(".node") && lower.contains("musl")) {
            os = "musl Linux (Alpine)"; // Node.js prebuilds name their libc: sharp-linuxmusl-x64.node
        }
        String machine = null;
        if (os == null) {
            machine = header != null && header.format().equals(NativeFile.ELF) ? header.machine()
                    : tag.matches() ? tagMachine(tag.group(3)) : null;
        }
        Matcher abi = tag.matches() ? tag : win.matches() ? win : null;
        return new Target(os, machine, abi == null ? null : abi.group(1) + abi.group(2));
    }

    private static List<Problem> problems(CheckContext ctx, String path, NativeFile header) {
        List<Problem> out = new ArrayList<>();
        Target t = classify(path, header);
        if (t.os() != null) {
            out.add(new Problem(FindingCode.FOREIGN_OS_BINARY, t.os()));
        } else if (t.machine() != null && !t.machine().equals(ctx.architecture().machine())) {
            out.add(new Problem(FindingCode.FOREIGN_ARCH_BINARY, t.machine()));
        }
        if (ctx.runtime() != null && ctx.runtime().isPython() && t.abiDigits() != null && !t.abiDigits().equals(ctx.runtime().abiDigits())) {
            out.add(new Problem(FindingCode.FOREIGN_PYTHON_ABI, t.abiDigits().charAt(0) + "."
                    + t.abiDigits().substring(1)));
        }
        return out;
    }

    /** {@code x86_64-linux-gnu} → x86_64; {@code aarch64-linux-gnu} → aarch64; others as named. */
    private static String tagMachine(String platform) {
        int dash = platform.indexOf('-');
        String machine = dash < 0 ? platform : platform.substring(0, dash);
        return switch (machine) {
            case "x86_64", "amd64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            case "i386", "i486", "i586", "i686" -> "i386";
            default -> machine.startsWith("arm") ? "arm" : machine;
        };
    }

    private static final class Group {
        final Problem problem;
        final String owner;
        final List<String> paths = new ArrayList<>();
        long bytes;

        Group(Problem problem, String owner) {
            this.problem = problem;
            this.owner = owner;
        }

        void add(ZipEntryInfo e) {
            paths.add(e.path());
            bytes += e.unzippedBytes();
        }

        String message(CheckContext ctx) {
            boolean one = paths.size() == 1;
            String files = one ? paths.get(0) + " (" + owner + ") is"
                    : owner + " has " + paths.size() + " native files that are";
            String they = one ? "it" : "they";
            return switch (problem.code) {
                case FOREIGN_OS_BINARY -> files + " built for " + problem.what
                        + "; Lambda runs Linux, so " + they + " will not load. " + (paths.get(0).endsWith(".node")
                        ? "Install for Linux (npm --os=linux --cpu=x64|arm64 --libc=glibc)."
                        : "Install Linux wheels (manylinux).");
                case FOREIGN_ARCH_BINARY -> files + " built for " + problem.what + "; the function runs on "
                        + ctx.architecture().machine() + ". Rebuild for " + ctx.architecture().id() + ".";
                default -> files + " built for CPython " + problem.what + "; the runtime is " + ctx.runtime().id()
                        + ", so " + they + " will not import. Rebuild for " + ctx.runtime().id() + ".";
            };
        }
    }
}
