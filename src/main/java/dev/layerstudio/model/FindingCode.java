package dev.layerstudio.model;

/**
 * The kinds of problems the inspector reports. The names are stable: scripts match on
 * them in {@code inspect --json}, and the window offers a fix per code.
 */
public enum FindingCode {
    /** Content outside {@code python/} (and {@code bin/}, {@code lib/}, {@code extensions/}): not importable. */
    NOT_UNDER_PYTHON(Severity.WARNING),
    /** A {@code python/lib/python3.X} folder for another Python than the runtime: never on sys.path. */
    PYTHON_VERSION_MISMATCH(Severity.ERROR),
    /** A native binary for another operating system (Mach-O, PE, musl). */
    FOREIGN_OS_BINARY(Severity.ERROR),
    /** A Linux binary for another processor architecture. */
    FOREIGN_ARCH_BINARY(Severity.ERROR),
    /** An extension module built for another CPython version. */
    FOREIGN_PYTHON_ABI(Severity.ERROR),
    /** boto3/botocore bundled although the runtime provides them. */
    BUNDLED_AWS_SDK(Severity.WARNING),
    /** Byte-code caches that slimming would remove. */
    CACHE_FILES(Severity.INFO),
    /** Test folders that slimming would remove. */
    TEST_FILES(Severity.INFO),
    /** Files not readable, or folders not searchable, by everyone: Lambda cannot read them. */
    NOT_WORLD_READABLE(Severity.ERROR),
    /** A symbolic link. */
    SYMLINK(Severity.WARNING),
    /** The same entry name more than once in the zip. */
    DUPLICATE_ENTRY(Severity.WARNING),
    /** An entry name that escapes the layer: {@code ../}, absolute, a drive letter or backslashes. */
    UNSAFE_PATH(Severity.ERROR),
    /** An entry that expands far more than real content does. */
    SUSPICIOUS_COMPRESSION(Severity.WARNING),
    /** An entry that is encrypted or compressed with a method other than stored or deflated. */
    UNEXTRACTABLE_ENTRY(Severity.ERROR),
    /** The same path in this layer and another layer of the function. */
    PATH_CONFLICT(Severity.WARNING),
    /** Function code plus all layers would exceed the unzipped limit. */
    UNZIPPED_LIMIT_EXCEEDED(Severity.ERROR),
    /** The zip is above the direct-upload limit: publishing goes through S3. */
    DIRECT_UPLOAD_LIMIT_EXCEEDED(Severity.INFO),
    /** More layers than a function may have. */
    TOO_MANY_LAYERS(Severity.ERROR),
    /**
     * A script ({@code bin/}, {@code python/bin/}) whose shebang names an interpreter that does
     * not exist on Lambda, such as the building machine's Python in a home folder.
     */
    SHEBANG_NOT_ON_LAMBDA(Severity.WARNING),
    /** A file in {@code extensions/} or {@code bin/} without execute permission: Lambda cannot start it. */
    NOT_EXECUTABLE(Severity.ERROR),
    /** A script whose lines end in CR LF: Linux looks for an interpreter whose name ends in a carriage return. */
    CRLF_SCRIPT(Severity.ERROR),
    /** Node.js packages in a folder no Node.js runtime reads ({@code nodejs/nodejs/node_modules}, {@code node_modules/}). */
    NODE_LAYOUT_NOT_READ(Severity.ERROR),
    /** A {@code nodejs/nodeNN/node_modules} folder for another Node.js version than the runtime. */
    NODE_VERSION_MISMATCH(Severity.ERROR),
    /** Files Node.js never loads at run time: documentation, tests, source maps, TypeScript sources. */
    NODE_SLIMMING(Severity.INFO),
    /** A top-level module failed to import in the import check. */
    IMPORT_FAILED(Severity.ERROR);

    private final Severity severity;

    FindingCode(Severity severity) {
        this.severity = severity;
    }

    /** The severity a finding of this code has. */
    public Severity severity() {
        return severity;
    }
}
