package dev.layerstudio.inspect;

/**
 * A native binary inside a layer, as its header says.
 *
 * @param format  {@code ELF}, {@code MACH_O} or {@code PE}
 * @param machine the processor: {@code x86_64}, {@code aarch64}, {@code i386}, {@code arm},
 *                {@code universal} (a fat Mach-O) or {@code other}
 */
record NativeFile(String path, String format, String machine) {

    static final String ELF = "ELF";
    static final String MACH_O = "MACH_O";
    static final String PE = "PE";
}
