package dev.layerstudio.export;

import java.util.List;

/**
 * An export: the text to save or copy, and what the user should know about it.
 *
 * @param format the format written
 * @param text   the template snippet (YAML or HCL), ending with a newline
 * @param notes  plain sentences: what was left out and why
 */
public record ExportResult(ExportFormat format, String text, List<String> notes) {

    public ExportResult {
        notes = List.copyOf(notes);
    }
}
