package dev.layerstudio.ui.inspect;

import dev.layerstudio.model.ByteSizes;
import dev.layerstudio.model.ChangeKind;
import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.InspectionReport;
import dev.layerstudio.model.LayerDiff;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.LimitCheck;
import dev.layerstudio.model.PackageChange;
import dev.layerstudio.model.SizePart;
import dev.layerstudio.ui.common.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;

/** What the Inspect page says about a report, a limit, a diff or a function, in the bundle's words. */
final class InspectTexts {

    /** One part of a limit's bar; {@code index} counts the other layers, so each gets its own colour. */
    record GaugePart(String label, long bytes, SizePart.Kind kind, int index) {
    }

    /** One changed package of a diff, as its line reads. */
    record DiffRow(String text, ChangeKind change) {
    }

    /** A choice of the target picker: a function, or none (the layer alone). */
    record Target(FunctionInfo function, String label) {
    }

    private final ResourceBundle text;

    InspectTexts(ResourceBundle text) {
        this.text = text;
    }

    /** The parts of a limit's bar: this layer first, then the other layers, then the function's code. */
    List<GaugePart> gaugeParts(LimitCheck limit) {
        List<GaugePart> parts = new ArrayList<>();
        int other = 0;
        for (SizePart p : limit.parts()) {
            parts.add(switch (p.kind()) {
                case THIS_LAYER -> new GaugePart(text.getString("inspect.gauge.thisLayer"), p.bytes(), p.kind(), 0);
                case FUNCTION_CODE -> new GaugePart(text.getString("inspect.gauge.code"), p.bytes(), p.kind(), 0);
                case OTHER_LAYER -> new GaugePart(shortLabel(p.label()), p.bytes(), p.kind(), other++);
            });
        }
        return parts;
    }

    /** A limit's title: the bundle's when it has one, else the engine's description. */
    String limitTitle(LimitCheck limit) {
        String key = "inspect.limit." + limit.name();
        return text.containsKey(key) ? text.getString(key) : limit.description();
    }

    /** The sizes, files and packages of a report, in one line. */
    String summary(InspectionReport r) {
        return String.format(text.getString("inspect.summary"), ByteSizes.human(r.zippedBytes()),
                ByteSizes.human(r.unzippedBytes()), r.fileCount(), r.packages().size(),
                r.runtime() == null ? "" : " · " + r.runtime() + " " + r.architecture());
    }

    /** "Showing …, not the layer you are making." */
    String showing(InspectionReport r) {
        return String.format(text.getString("inspect.showing"), r.source());
    }

    /** The choices of the target picker: the layer alone first, then the functions. */
    List<Target> targets(List<FunctionInfo> functions) {
        List<Target> all = new ArrayList<>();
        all.add(new Target(null, text.getString("inspect.target.none")));
        for (FunctionInfo f : functions) {
            all.add(new Target(f, f.name() + "  ·  " + (f.runtime() == null ? "" : f.runtime() + " ")
                    + new Texts(text).text("inspect.target.layers", f.layers().size())));
        }
        return all;
    }

    /** What changed, in one line; empty without a diff. */
    String diffSummary(LayerDiff d) {
        if (d == null) {
            return "";
        }
        if (d.identical()) {
            return text.getString("inspect.diff.same");
        }
        return String.format(text.getString("inspect.diff.summary"), ByteSizes.delta(d.zippedDelta()),
                ByteSizes.delta(d.unzippedDelta()), d.packages(ChangeKind.ADDED).size(),
                d.packages(ChangeKind.REMOVED).size(), d.packages(ChangeKind.CHANGED).size(), d.files().size());
    }

    /** The first few changed packages, one line each: "+ name 1.2   +3 KB". */
    static List<DiffRow> diffRows(LayerDiff d) {
        if (d == null || d.identical()) {
            return List.of();
        }
        return d.packages().stream().map(p -> new DiffRow(sign(p.change()) + p.name() + versions(p)
                + "   " + ByteSizes.delta(p.deltaBytes()), p.change())).toList();
    }

    private static String sign(ChangeKind change) {
        return change == ChangeKind.ADDED ? "+ " : change == ChangeKind.REMOVED ? "− " : "~ ";
    }

    private static String versions(PackageChange p) {
        if (p.change() == ChangeKind.CHANGED && p.oldVersion() != null && !p.oldVersion().equals(p.newVersion())) {
            return "  " + p.oldVersion() + " → " + p.newVersion();
        }
        return p.newVersion() != null ? "  " + p.newVersion() : p.oldVersion() != null ? "  " + p.oldVersion() : "";
    }

    /** "name:3" for a layer version ARN, the file name for a path. */
    static String shortLabel(String source) {
        Optional<LayerVersionRef> ref = LayerVersionRef.tryParse(source);
        if (ref.isPresent()) {
            return ref.get().name() + (ref.get().isVersioned() ? ":" + ref.get().version() : "");
        }
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return slash < 0 ? source : source.substring(slash + 1);
    }
}
