package dev.layerstudio.model;

/** Where a layer puts its code: Python's folders, or Node.js's. */
public enum LayerLayout {
    /** Packages directly under {@code python/}. */
    PYTHON,
    /** Packages under {@code python/lib/python3.X/site-packages/}. */
    SITE_PACKAGES,
    /** Both of the above. */
    MIXED,
    /** Nothing under {@code python/}, packages under {@code nodejs/node_modules} or {@code nodejs/nodeNN/node_modules}. */
    NODE_MODULES,
    /** Nothing under {@code python/}: only other folders (binaries, libraries, or misplaced code). */
    NOT_PYTHON,
    /** No files at all. */
    EMPTY
}
