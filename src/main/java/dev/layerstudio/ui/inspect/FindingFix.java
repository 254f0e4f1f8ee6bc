package dev.layerstudio.ui.inspect;

import dev.layerstudio.build.LayerBuilder;
import dev.layerstudio.model.Finding;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LayerContent;
import dev.layerstudio.model.LayerPaths;
import dev.layerstudio.model.SlimReport;
import dev.layerstudio.model.SlimRule;
import dev.layerstudio.ui.wizard.WizardState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A one-click fix for a finding about the wizard's own layer: a change to its content,
 * previewed before it is made.
 */
public sealed interface FindingFix {

    /** The content with the fix made. */
    LayerContent apply(LayerContent content, LayerBuilder builder);

    /**
     * Keeps the choice the fix made in the wizard's state, once it is made, so a project saved
     * after it (and its next build) has it too: a slimming fix adds its rules.
     */
    default void remember(WizardState state) {
    }

    /**
     * Takes out what slimming rules find in the installed packages.
     *
     * @param preview what the rules would take out of the content the finding was made from
     */
    record Slim(Set<SlimRule> rules, SlimReport preview) implements FindingFix {
        public Slim {
            rules = Set.copyOf(rules);
        }

        public long savedBytes() {
            return preview.totalBytes();
        }

        public long savedFiles() {
            return preview.totalFiles();
        }

        @Override
        public LayerContent apply(LayerContent content, LayerBuilder builder) {
            return builder.applySlimming(content, builder.previewSlimming(content, rules));
        }

        @Override
        public void remember(WizardState state) {
            Set<SlimRule> all = EnumSet.noneOf(SlimRule.class);
            all.addAll(state.slimming());
            all.addAll(rules);
            state.slimmingProperty().set(Set.copyOf(all));
        }
    }

    /**
     * Moves items from the top of the layer under {@code python/}, where Python finds them.
     *
     * @param paths the top-level items to move
     */
    record MoveUnderPython(List<String> paths) implements FindingFix {
        public MoveUnderPython {
            paths = List.copyOf(paths);
        }

        @Override
        public LayerContent apply(LayerContent content, LayerBuilder builder) {
            LayerContent moved = content;
            for (String p : paths) {
                if (moved.contains(p)) {
                    moved = moved.move(p, LayerPaths.join("python", p));
                }
            }
            return moved;
        }
    }

    /** One finding with its fix, when it has one. */
    record Item(Finding finding, FindingFix fix) {
    }

    /**
     * Each finding of the report with the fix the content allows: slimming where the
     * installed packages hold what the finding names, a move where the named items are
     * the user's own and sit outside {@code python/}.
     */
    static List<Item> plan(InspectionReport report, LayerContent content, LayerBuilder builder) {
        List<Item> items = new ArrayList<>();
        for (Finding f : report.findings()) {
            items.add(new Item(f, content == null ? null : fixFor(f, content, builder)));
        }
        return items;
    }

    private static FindingFix fixFor(Finding f, LayerContent content, LayerBuilder builder) {
        Set<SlimRule> rules = switch (f.code()) {
            case CACHE_FILES -> EnumSet.of(SlimRule.PYCACHE);
            case TEST_FILES -> EnumSet.of(SlimRule.TESTS);
            case BUNDLED_AWS_SDK -> EnumSet.of(SlimRule.BOTO3);
            default -> null;
        };
        if (rules != null) {
            SlimReport preview = builder.previewSlimming(content, rules);
            return preview.totalFiles() > 0 ? new Slim(rules, preview) : null;
        }
        if (f.code() == dev.layerstudio.model.FindingCode.NOT_UNDER_PYTHON) {
            List<String> movable = f.paths().stream()
                    .filter(p -> content.contains(p) && !content.contains(LayerPaths.join("python", p)))
                    .toList();
            return movable.isEmpty() ? null : new MoveUnderPython(movable);
        }
        return null;
    }
}
