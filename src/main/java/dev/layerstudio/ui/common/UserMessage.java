package dev.layerstudio.ui.common;

import dev.layerstudio.model.LayerStudioException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * What the user is told about a failure: a plain sentence, what to do about it if we
 * know, and details (the chain of causes' messages, never a stack trace).
 */
public record UserMessage(String summary, String hint, String details) {

    private static final ResourceBundle TEXT = ResourceBundle.getBundle("dev.layerstudio.ui.messages");

    public static UserMessage of(Throwable error) {
        Throwable e = unwrap(error);
        String summary;
        String hint = null;
        if (e instanceof LayerStudioException lse) {
            summary = lse.getMessage();
            hint = lse.hint();
        } else if (e instanceof NoSuchFileException nsf) {
            summary = String.format(TEXT.getString("error.noSuchFile"), nsf.getFile());
        } else if (e instanceof AccessDeniedException ade) {
            summary = String.format(TEXT.getString("error.accessDenied"), ade.getFile());
            hint = TEXT.getString("error.accessDenied.hint");
        } else if (e instanceof IOException io) {
            summary = String.format(TEXT.getString("error.io"), io.getMessage());
        } else {
            summary = String.format(TEXT.getString("error.unexpected"), e.getClass().getSimpleName());
            hint = TEXT.getString("error.unexpected.hint");
        }
        return new UserMessage(summary, hint, details(error));
    }

    /** What a status line says: the sentence, and what to do when that is known. */
    public String sentence() {
        return hint == null || hint.isBlank() ? summary : summary + " " + hint;
    }

    /** The one way a view model turns a failure into its status line. */
    public static String sentence(Throwable error) {
        return of(error).sentence();
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof UncheckedIOException || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.util.concurrent.CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String details(Throwable error) {
        Set<Throwable> seen = new LinkedHashSet<>();
        List<String> lines = new ArrayList<>();
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            lines.add(t.getClass().getSimpleName() + ": " + (t.getMessage() == null ? "" : t.getMessage()));
        }
        return String.join("\ncaused by ", lines);
    }
}
