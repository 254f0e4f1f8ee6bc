package dev.layerstudio.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerstudio.inspect.Inspector;
import dev.layerstudio.model.ByteSizes;
import dev.layerstudio.model.ChangeKind;
import dev.layerstudio.model.FileChange;
import dev.layerstudio.model.LayerDiff;
import dev.layerstudio.model.PackageChange;
import dev.layerstudio.model.ProgressListener;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code diff}: what changed between two layers. */
@Command(name = "diff", description = "Compare two layers (zips, folders or layer version ARNs): packages, files, sizes.")
public final class DiffCommand implements Callable<Integer> {

    static final int SHOWN_FILES = 50;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The older layer.")
    String older;

    @Parameters(index = "1", paramLabel = "B", description = "The newer layer.")
    String newer;

    @Override
    public Integer call() {
        GlobalOptions global = new GlobalOptions(spec);
        Output out = global.output();
        LayerDiff diff;
        try (LayerSources sources = new LayerSources(global)) {
            diff = new Inspector().diff(sources.resolve(older), sources.resolve(newer), ProgressListener.NONE);
        }
        if (out.json()) {
            ObjectNode node = Output.mapper().valueToTree(diff);
            node.put("zippedDelta", diff.zippedDelta());
            node.put("unzippedDelta", diff.unzippedDelta());
            out.document(node);
            return 0;
        }
        out.line("%s → %s", diff.oldSource(), diff.newSource());
        out.line("  zipped   %10s → %-10s %s", ByteSizes.human(diff.oldZippedBytes()),
                ByteSizes.human(diff.newZippedBytes()), ByteSizes.delta(diff.zippedDelta()));
        out.line("  unzipped %10s → %-10s %s", ByteSizes.human(diff.oldUnzippedBytes()),
                ByteSizes.human(diff.newUnzippedBytes()), ByteSizes.delta(diff.unzippedDelta()));
        if (diff.identical()) {
            out.line("The layers hold the same files.");
            return 0;
        }
        out.line("");
        out.line("Packages");
        for (PackageChange p : diff.packages()) {
            String versions = switch (p.change()) {
                case ADDED -> "+ " + p.name() + version(p.newVersion());
                case REMOVED -> "- " + p.name() + version(p.oldVersion());
                case CHANGED -> "~ " + p.name() + (java.util.Objects.equals(p.oldVersion(), p.newVersion())
                        ? version(p.newVersion()) : version(p.oldVersion()) + " →" + version(p.newVersion()));
            };
            out.line("  %-50s %s", versions, ByteSizes.delta(p.deltaBytes()));
        }
        List<FileChange> files = diff.files();
        out.line("");
        out.line("Files: %d added, %d removed, %d changed", diff.files(ChangeKind.ADDED).size(),
                diff.files(ChangeKind.REMOVED).size(), diff.files(ChangeKind.CHANGED).size());
        for (FileChange f : files.subList(0, Math.min(SHOWN_FILES, files.size()))) {
            String sign = f.change() == ChangeKind.ADDED ? "+" : f.change() == ChangeKind.REMOVED ? "-" : "~";
            out.line("  %s %s", sign, f.path());
        }
        InspectCommand.more(out, files.size(), SHOWN_FILES);
        return 0;
    }

    private static String version(String v) {
        return v == null ? "" : " " + v;
    }
}
