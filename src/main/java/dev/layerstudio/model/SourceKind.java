package dev.layerstudio.model;

/** What was inspected. */
public enum SourceKind {
    ZIP,
    FOLDER,
    PUBLISHED_VERSION
}
