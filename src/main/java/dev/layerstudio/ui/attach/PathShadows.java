package dev.layerstudio.ui.attach;

import dev.layerstudio.model.LayerShadows;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.ui.common.Texts;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The Attach step's words for {@link LayerShadows}: which files of a stack a later layer hides
 * (only layers whose files are known take part).
 */
final class PathShadows {

    private final Texts texts;

    PathShadows(ResourceBundle text) {
        this.texts = new Texts(text);
    }

    /**
     * One sentence per pair of layers that share files, earlier layer first.
     *
     * @param stack the layer version ARNs in merge order
     * @param files the files of the layers that are known, by ARN
     */
    List<String> describe(List<String> stack, Map<String, Set<String>> files) {
        return LayerShadows.of(stack.stream().map(files::get).toList()).stream()
                .map(s -> texts.text("attach.shadow", label(stack.get(s.later())), s.paths().size(),
                        label(stack.get(s.earlier())), s.paths().get(0)))
                .toList();
    }

    /** "name:3" for a layer version ARN. */
    static String label(String arn) {
        return LayerVersionRef.tryParse(arn).map(r -> r.name() + (r.isVersioned() ? ":" + r.version() : ""))
                .orElse(arn);
    }
}
