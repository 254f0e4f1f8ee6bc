package dev.layerstudio.model;

/** Where a group of files in a layer comes from. */
public enum PackageKind {
    /** An installed distribution, known from its {@code *.dist-info}. */
    DISTRIBUTION,
    /** Everything else, grouped by top-level folder: the user's own code and data. */
    OWN_CODE
}
