package dev.layerstudio.model;

/**
 * A failure the user can understand and act on. The message is one plain sentence
 * (or two) fit to show in a dialog or on stderr; the cause keeps the technical detail
 * for the log.
 */
public class LayerStudioException extends RuntimeException {

    private final String hint;

    public LayerStudioException(String message) {
        this(message, null, null);
    }

    public LayerStudioException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public LayerStudioException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** What the user can do about it, or {@code null}. */
    public String hint() {
        return hint;
    }
}
