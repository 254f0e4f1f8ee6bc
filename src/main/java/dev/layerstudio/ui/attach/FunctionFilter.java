package dev.layerstudio.ui.attach;

import dev.layerstudio.model.FunctionInfo;
import dev.layerstudio.model.LayerVersionInfo;
import dev.layerstudio.model.LayerVersionRef;
import dev.layerstudio.model.PublishResult;
import java.util.Locale;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Attach step's function table as filtered: compatible with the version only, already on
 * the layer only, by name. A chosen function always stays in view.
 */
final class FunctionFilter {

    private final ObservableValue<PublishResult> published;
    private final FilteredList<AttachViewModel.Row> shown;
    private final BooleanProperty compatibleOnly = new SimpleBooleanProperty(this, "compatibleOnly", true);
    private final BooleanProperty usesLayerOnly = new SimpleBooleanProperty(this, "usesLayerOnly", false);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");

    FunctionFilter(ObservableList<AttachViewModel.Row> rows, ObservableValue<PublishResult> published) {
        this.published = published;
        this.shown = new FilteredList<>(rows);
        for (Observable o : new Observable[] {compatibleOnly, usesLayerOnly, search, published}) {
            o.addListener(x -> apply());
        }
    }

    /** Filters the rows again (after they were listed anew). */
    void apply() {
        PublishResult p = published.getValue();
        LayerVersionInfo v = p == null ? null : p.version();
        String q = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        shown.setPredicate(r -> (r.chosenProperty().get() || !compatibleOnly.get() || compatible(r.function(), v))
                && (!usesLayerOnly.get() || usesLayer(r.function(), v))
                && (q.isEmpty() || r.function().name().toLowerCase(Locale.ROOT).contains(q)));
    }

    /** Whether the function can use the version: a zip function of a runtime and architecture it names. */
    static boolean compatible(FunctionInfo f, LayerVersionInfo v) {
        return !f.isImage() && (v == null || (v.supportsRuntime(f.runtime()) && v.supportsArchitecture(f.architecture())));
    }

    /** Whether the function has any version of the layer. */
    static boolean usesLayer(FunctionInfo f, LayerVersionInfo v) {
        return v != null && f.layerArns().stream().map(LayerVersionRef::tryParse)
                .anyMatch(r -> r.isPresent() && r.get().sameLayer(v.ref()));
    }

    FilteredList<AttachViewModel.Row> shown() {
        return shown;
    }

    BooleanProperty compatibleOnlyProperty() {
        return compatibleOnly;
    }

    BooleanProperty usesLayerOnlyProperty() {
        return usesLayerOnly;
    }

    StringProperty searchProperty() {
        return search;
    }
}
