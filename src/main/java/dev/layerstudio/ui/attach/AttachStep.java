package dev.layerstudio.ui.attach;

import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.ui.common.Confirmation;
import dev.layerstudio.ui.common.Texts;
import dev.layerstudio.ui.export.ExportViewModel;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;

/**
 * The Attach step as the wizard sees it: the attach plan, the staged rollout and the export of
 * one published version, and what ties them together (the page only binds to it).
 */
public final class AttachStep {

    private final AttachViewModel attach;
    private final RolloutViewModel rollout;
    private final ExportViewModel export;
    private final ResourceBundle text;
    private final Texts texts;
    private final BooleanBinding valid;

    public AttachStep(AttachViewModel attach, RolloutViewModel rollout, ExportViewModel export, ResourceBundle text) {
        this.attach = attach;
        this.rollout = rollout;
        this.export = export;
        this.text = text;
        this.texts = new Texts(text);
        // the table shows each function's layers: list them again once a wave is applied or rolled back
        rollout.busyProperty().addListener((o, was, now) -> {
            if (was && !now) {
                attach.load();
            }
        });
        valid = Bindings.createBooleanBinding(() -> attach.validProperty().get() && !rollout.busyProperty().get(),
                attach.validProperty(), rollout.busyProperty());
    }

    public AttachViewModel attach() {
        return attach;
    }

    public RolloutViewModel rollout() {
        return rollout;
    }

    public ExportViewModel export() {
        return export;
    }

    /** Each time the page is shown: the functions and any rollout left, for the version from Publish. */
    public void onShow() {
        attach.onShow();
        rollout.onShow();
    }

    /** Next/Finish may go on: the plan's step is valid and no wave is being applied. */
    public BooleanBinding validProperty() {
        return valid;
    }

    /** The page's subtitle: the version attached, or what the step does. */
    public String subtitle() {
        LayerVersionInfo v = attach.attaching();
        return v == null ? text.getString("attach.subtitle")
                : String.format(text.getString("attach.subtitleVersion"), v.name(), v.version(), v.region());
    }

    /** What Apply asks first, or empty when there is nothing to look at: then Apply sends at once. */
    public Optional<Confirmation> applyQuestion() {
        List<String> lines = attach.toConfirm();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        List<String> notes = attach.leftAlone().stream()
                .map(l -> text.getString("attach.confirm.leftAlone") + " " + l).toList();
        long n = attach.updateCount();
        return Optional.of(new Confirmation(text.getString("attach.confirm.title"),
                texts.text("attach.confirm.header", n),
                lines, notes, text.getString("attach.confirm.yes"), () -> attach.apply(true)));
    }

    /** A function's layers as the table lists them: "name:3, other:1", or a dash for none. */
    static String layersOf(FunctionInfo f) {
        return f.layers().isEmpty() ? "—" : f.layerArns().stream().map(PathShadows::label)
                .collect(Collectors.joining(", "));
    }
}
