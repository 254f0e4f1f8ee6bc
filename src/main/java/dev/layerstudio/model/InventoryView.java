package dev.layerstudio.model;

import java.util.Arrays;
import java.util.Locale;

/** The answers the organization inventory gives. */
public enum InventoryView {
    /** Layer → versions → the functions on each, across accounts. */
    LAYERS("layers"),
    /** Functions by runtime, with the runtime's deprecation and block dates. */
    RUNTIMES("runtimes"),
    /** Layer versions no function of the inventory uses: cleanup candidates. */
    UNUSED("unused"),
    /** Functions whose layers no longer match their runtime or architecture. */
    MISMATCHED("mismatched");

    private final String id;

    InventoryView(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static InventoryView parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.id.equals(t)).findFirst()
                .orElseThrow(() -> new LayerStudioException("'" + text + "' is not an inventory view. Choose one of: "
                        + String.join(", ", Arrays.stream(values()).map(InventoryView::id).toList()) + "."));
    }

    @Override
    public String toString() {
        return id;
    }
}
