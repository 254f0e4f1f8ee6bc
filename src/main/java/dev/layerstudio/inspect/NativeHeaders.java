package dev.layerstudio.inspect;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises ELF, Mach-O and PE binaries from their first bytes. */
final class NativeHeaders {

    /** Enough for every header field read here. */
    static final int BYTES_NEEDED = 512;

    private static final Pattern LINUX_TAG = Pattern.compile(
            ".*\\.cpython-\\d+[a-z]*-(x86_64|aarch64|i686|i386|arm[a-z0-9]*)-linux-(?:gnu|musl)[a-z]*\\.so");
    private static final Pattern WINDOWS_TAG = Pattern.compile(".*\\.cp\\d+-win(?:_(amd64|arm64)|(32))\\.pyd");

    private NativeHeaders() {
    }

    static Optional<NativeFile> parse(String path, byte[] head) {
        if (head.length >= 20 && head[0] == 0x7F && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
            boolean bigEndian = head[5] == 2;
            int machine = bigEndian ? ((head[18] & 0xFF) << 8) | (head[19] & 0xFF)
                    : (head[18] & 0xFF) | ((head[19] & 0xFF) << 8);
            return Optional.of(new NativeFile(path, NativeFile.ELF, elfMachine(machine)));
        }
        if (head.length >= 8) {
            int magicBe = int32(head, 0, true);
            int magicLe = int32(head, 0, false);
            if (magicBe == 0xFEEDFACE || magicBe == 0xFEEDFACF || magicLe == 0xFEEDFACE || magicLe == 0xFEEDFACF) {
                boolean le = magicLe == 0xFEEDFACE || magicLe == 0xFEEDFACF;
                return Optional.of(new NativeFile(path, NativeFile.MACH_O, machOCpu(int32(head, 4, !le))));
            }
            // 0xCAFEBABE is also a Java class file; a fat Mach-O has a small architecture count there.
            if (magicBe == 0xCAFEBABE && int32(head, 4, true) > 0 && int32(head, 4, true) < 20) {
                return Optional.of(new NativeFile(path, NativeFile.MACH_O, "universal"));
            }
        }
        if (head.length >= 64 && head[0] == 'M' && head[1] == 'Z') {
            int peOffset = int32(head, 0x3C, false);
            if (peOffset > 0 && peOffset + 6 <= head.length && head[peOffset] == 'P' && head[peOffset + 1] == 'E'
                    && head[peOffset + 2] == 0 && head[peOffset + 3] == 0) {
                int machine = (head[peOffset + 4] & 0xFF) | ((head[peOffset + 5] & 0xFF) << 8);
                return Optional.of(new NativeFile(path, NativeFile.PE, peMachine(machine)));
            }
            return Optional.of(new NativeFile(path, NativeFile.PE, "other"));
        }
        return Optional.empty();
    }

    /**
     * What an extension module's platform tag says it is, for the tags that name a processor:
     * {@code .cpython-312-x86_64-linux-gnu.so} (an ELF for x86_64), {@code .cp312-win_amd64.pyd}
     * (a PE for x86_64). Empty for other names.
     */
    static Optional<NativeFile> fromTag(String path) {
        Matcher linux = LINUX_TAG.matcher(path);
        if (linux.matches()) {
            String cpu = linux.group(1);
            String machine = cpu.equals("x86_64") || cpu.equals("aarch64") ? cpu
                    : cpu.equals("i686") || cpu.equals("i386") ? "i386" : cpu.startsWith("arm") ? "arm" : "other";
            return Optional.of(new NativeFile(path, NativeFile.ELF, machine));
        }
        Matcher windows = WINDOWS_TAG.matcher(path);
        if (windows.matches()) {
            String cpu = windows.group(1);
            String machine = "amd64".equals(cpu) ? "x86_64" : "arm64".equals(cpu) ? "aarch64" : "i386";
            return Optional.of(new NativeFile(path, NativeFile.PE, machine));
        }
        return Optional.empty();
    }

    private static String elfMachine(int machine) {
        return switch (machine) {
            case 0x3E -> "x86_64";
            case 0xB7 -> "aarch64";
            case 0x03 -> "i386";
            case 0x28 -> "arm";
            default -> "other";
        };
    }

    private static String machOCpu(int cpu) {
        return switch (cpu) {
            case 0x01000007 -> "x86_64";
            case 0x0100000C -> "aarch64";
            case 7 -> "i386";
            case 12 -> "arm";
            default -> "other";
        };
    }

    private static String peMachine(int machine) {
        return switch (machine) {
            case 0x8664 -> "x86_64";
            case 0xAA64 -> "aarch64";
            case 0x014C -> "i386";
            default -> "other";
        };
    }

    private static int int32(byte[] b, int off, boolean bigEndian) {
        if (off + 4 > b.length) {
            return 0;
        }
        return bigEndian
                ? ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF)
                : (b[off] & 0xFF) | ((b[off + 1] & 0xFF) << 8) | ((b[off + 2] & 0xFF) << 16) | ((b[off + 3] & 0xFF) << 24);
    }
}
