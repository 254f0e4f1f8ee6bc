package dev.layerstudio.model;

/** What one entry of a layer is. */
public enum EntryKind {
    FILE,
    DIRECTORY,
    SYMLINK
}
