package dev.layerstudio.model;

/**
 * Something about one function's new layer list that the user should see before applying.
 *
 * <p>Three kinds of weight:
 * <ul>
 *   <li>{@link Severity#ERROR}: Lambda would refuse the list, or the change cannot be made
 *       (too many layers, too large, another region, a list changed by someone else). Never sent.</li>
 *   <li>{@link Severity#INCOMPATIBLE}: Lambda would take the list but the function would break
 *       (native code for another processor or CPython, declared for another architecture). Not sent
 *       unless the user chose to attach anyway for that function; then the flag is
 *       {@linkplain #overridden() overridden} and stays on the plan for everyone to see.</li>
 *   <li>{@link Severity#NOTICE}: worth knowing (a function on a deprecated runtime); nothing to confirm.</li>
 *   <li>{@link Severity#WARNING}: worth a look (metadata that does not match pure-Python content);
 *       shown before applying and confirmed once.</li>
 * </ul>
 *
 * @param kind       what it is
 * @param severity   how much it weighs
 * @param message    one plain sentence
 * @param layerArn   the layer version concerned, or null
 * @param overridden true when the user chose to attach anyway (only for {@link Severity#INCOMPATIBLE})
 */
public record PlanFlag(Kind kind, Severity severity, String message, String layerArn, boolean overridden) {

    public enum Severity {
        NOTICE, WARNING, INCOMPATIBLE, ERROR
    }

    public enum Kind {
        /** More layers than a function may have. */
        TOO_MANY_LAYERS,
        /** The function's runtime is not among the version's compatible runtimes (the content is pure Python). */
        RUNTIME_INCOMPATIBLE,
        /** The function's architecture is not among the version's compatible architectures. */
        ARCHITECTURE_INCOMPATIBLE,
        /** Native code in the layer for another processor than the function's. */
        FOREIGN_ARCHITECTURE,
        /** Extension modules in the layer for another CPython than the function's runtime. */
        FOREIGN_PYTHON_ABI,
        /** Native code in the layer for another operating system than Linux (glibc). */
        FOREIGN_OS,
        /** The layer's packages sit only in {@code python/lib/pythonX.Y/site-packages} of another Python. */
        SITE_PACKAGES_VERSION,
        /** The layer's content could not be read, so only its declared runtimes and architectures were checked. */
        CONTENT_NOT_READ,
        /** The function's runtime is deprecated (updates still work). */
        RUNTIME_DEPRECATED,
        /** The function's runtime is past its block-update date: Lambda refuses to update it. */
        RUNTIME_UPDATE_BLOCKED,
        /** Function code plus layers, unzipped, over the limit. */
        UNZIPPED_TOO_LARGE,
        /** A layer in another region than the function. */
        OTHER_REGION,
        /** An entry that is not a versioned layer ARN. */
        NOT_VERSIONED,
        /** Two versions of the same layer in one list. */
        DUPLICATE_LAYER,
        /** A container-image function: it cannot use layers. */
        IMAGE_FUNCTION,
        /** The function's list is no longer what the change expected (someone else changed it). */
        CHANGED_SINCE
    }

    public PlanFlag(Kind kind, Severity severity, String message, String layerArn) {
        this(kind, severity, message, layerArn, false);
    }

    /** Whether this flag keeps the function from being updated. */
    public boolean blocking() {
        return severity == Severity.ERROR || severity == Severity.INCOMPATIBLE && !overridden;
    }

    /** Whether the user may choose to attach anyway (the function would break, but Lambda would take it). */
    public boolean overridable() {
        return severity == Severity.INCOMPATIBLE;
    }

    /**
     * Whether the user must confirm it before the update is sent. An incompatibility the user
     * overrode was confirmed by that choice, function by function.
     */
    public boolean needsConfirmation() {
        return severity == Severity.WARNING;
    }

    /** The same flag, attached anyway by the user's choice. */
    public PlanFlag override() {
        return overridable() ? new PlanFlag(kind, severity, message, layerArn, true) : this;
    }

    static PlanFlag error(Kind kind, String message, String layerArn) {
        return new PlanFlag(kind, Severity.ERROR, message, layerArn);
    }

    static PlanFlag incompatible(Kind kind, String message, String layerArn) {
        return new PlanFlag(kind, Severity.INCOMPATIBLE, message, layerArn);
    }

    static PlanFlag notice(Kind kind, String message, String layerArn) {
        return new PlanFlag(kind, Severity.NOTICE, message, layerArn);
    }

    static PlanFlag warning(Kind kind, String message, String layerArn) {
        return new PlanFlag(kind, Severity.WARNING, message, layerArn);
    }
}
