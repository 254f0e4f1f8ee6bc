package dev.layerstudio.model;

/** How something differs between two layers. */
public enum ChangeKind {
    ADDED,
    REMOVED,
    CHANGED
}
